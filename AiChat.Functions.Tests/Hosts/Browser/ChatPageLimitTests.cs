using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiChat.Functions.Tests.Hosts.Browser;

/// <summary>The chat page when the server's client limits refuse a message.</summary>
public sealed partial class ChatPageLimitTests(RateLimitedChatPageFixture fixture) : IClassFixture<RateLimitedChatPageFixture>
{
    [Fact]
    public async Task Message_over_the_requests_per_minute_limit_shows_the_wait_and_the_reason_and_never_goes_upstream()
    {
        var page = await fixture.OpenPageAsync();
        await Expect(page.Locator("#model option")).Not.ToHaveCountAsync(0);
        var message = page.GetByLabel("Message");
        await message.FillAsync("first");
        await message.PressAsync("Enter");
        await Expect(page.Locator("#messages li.assistant")).ToHaveTextAsync("You said: first");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send" })).ToBeEnabledAsync();
        var marker = Guid.NewGuid().ToString("N");

        await message.FillAsync($"second {marker}");
        await message.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(RefusalInWords());
        await Expect(page.Locator("#messages li.assistant")).ToHaveCountAsync(1);
        Assert.Empty(fixture.RequestsWith(marker));
        await page.Context.CloseAsync();
    }

    [GeneratedRegex(@"^Too many requests: please wait \d+ seconds? and try again\. \(This client has made its 1 requests for this minute \(RATE_LIMIT_REQUESTS_PER_MINUTE\)\. Try again in \d+ s\.\)$")]
    private static partial Regex RefusalInWords();
}

namespace AiChat.Functions.Tests.Hosts.Browser;

/// <summary>The chat page when the server's client limits refuse a message.</summary>
public sealed partial class ChatPageLimitTests(RateLimitedChatPageFixture fixture) : IClassFixture<RateLimitedChatPageFixture>
{
    [Fact]
    public async Task Message_over_the_requests_per_minute_limit_shows_the_wait_and_the_reason_and_never_goes_upstream()
    {
        var page = await fixture.OpenPageAsync();
        var first = await ChatPage.SendAsync(page, "first");
        await Expect(first).ToHaveTextAsync("You said: first");
        var marker = Guid.NewGuid().ToString("N");

        await ChatPage.SendAsync(page, $"second {marker}", waitForEnd: false);

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(RefusalInWords());
        await Expect(page.Locator("#messages li.assistant")).ToHaveCountAsync(1);
        Assert.Empty(fixture.RequestsWith(marker));
        await page.Context.CloseAsync();
    }

    [GeneratedRegex(@"^Too many requests: please wait \d+ seconds? and try again\. \(This client has made its 1 requests for this minute \(RATE_LIMIT_REQUESTS_PER_MINUTE\)\. Try again in \d+ s\.\)$")]
    private static partial Regex RefusalInWords();
}

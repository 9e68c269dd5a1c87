namespace AiChat.Functions.Tests.Hosts.Browser;

/// <summary>What the chat page tests do the way a user does it.</summary>
internal static class ChatPage
{
    /// <summary>
    /// Once the models have loaded, types <paramref name="message"/> and presses Enter; returns the answer's list item, and
    /// with <paramref name="waitForEnd"/> waits until that answer is complete and Send is enabled again.
    /// </summary>
    public static async Task<ILocator> SendAsync(IPage page, string message, bool waitForEnd = true)
    {
        await Expect(page.Locator("#model option")).Not.ToHaveCountAsync(0);
        var answers = await page.Locator("#messages li.assistant").CountAsync();
        await page.GetByLabel("Message").FillAsync(message);
        await page.GetByLabel("Message").PressAsync("Enter");
        var answer = page.Locator("#messages li.assistant").Nth(answers);
        if (waitForEnd)
        {
            await Expect(answer).Not.ToHaveAttributeAsync("aria-busy", "true");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send" })).ToBeEnabledAsync();
        }

        return answer;
    }
}

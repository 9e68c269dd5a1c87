namespace AiChat.Functions.Tests.Hosts.Browser;

/// <summary>The chat page when the client's geo tool budget refuses a call.</summary>
public sealed partial class ChatPageGeoBudgetTests(GeoBudgetChatPageFixture fixture) : IClassFixture<GeoBudgetChatPageFixture>
{
    [Fact]
    public async Task A_tool_call_past_the_clients_geo_budget_shows_why_in_the_tool_status()
    {
        var page = await fixture.OpenPageAsync();
        await ChatPage.SendAsync(page, "北京今天天气怎么样？");
        await Expect(page.Locator("#tool-status li")).ToHaveTextAsync(["get_weather: done (1)"]);

        await ChatPage.SendAsync(page, "上海今天天气怎么样？", waitForEnd: false);

        await Expect(page.Locator("#tool-status li")).ToHaveTextAsync([BudgetRefusal()]);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send" })).ToBeEnabledAsync();
        await page.Context.CloseAsync();
    }

    [GeneratedRegex(@"^get_weather: This client has used its 1 map lookups for today \(GEO_TOOL_CALLS_PER_CLIENT_PER_DAY\)")]
    private static partial Regex BudgetRefusal();
}

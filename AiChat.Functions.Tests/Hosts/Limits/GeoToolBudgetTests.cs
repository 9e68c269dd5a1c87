namespace AiChat.Functions.Tests.Hosts.Limits;

/// <summary>GEO_TOOL_CALLS_PER_CLIENT_PER_DAY on both hosts: past it, the next tool call is refused with an event saying why.</summary>
public sealed class GeoToolBudgetTests : EmulatorPerTest
{
    private AMapEmulator _amap = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _amap = await AMapEmulator.StartAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _amap.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(AiChatHosts.Every), MemberType = typeof(AiChatHosts))]
    public async Task Past_the_clients_geo_tool_calls_for_the_day_the_next_call_fails_with_an_event_naming_the_setting(HostKind host)
    {
        var settings = BackendSettings.For(BackendSetup.GeoAssistant, _amap.Address);
        settings["GEO_TOOL_CALLS_PER_CLIENT_PER_DAY"] = "1";
        await using var app = await StartAsync(host, settings);
        using var client = app.CreateClient();

        var first = await TurnAsync(client, "北京今天天气怎么样？");
        var amapCalls = _amap.ReceivedRequests;
        var second = await TurnAsync(client, "上海今天天气怎么样？");

        Assert.Equal(["started", "succeeded"], ToolStatuses(first).Select(s => s.GetProperty("status").GetString()));
        var refused = Assert.Single(ToolStatuses(second), s => s.GetProperty("status").GetString() == "failed");
        Assert.Equal("tool_budget_exhausted", refused.GetProperty("error_code").GetString());
        Assert.Contains("GEO_TOOL_CALLS_PER_CLIENT_PER_DAY", refused.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(second, e => e.Type == "geo_card");
        Assert.Equal("stream_end", second[^1].Type);
        Assert.Equal(amapCalls, _amap.ReceivedRequests);
    }

    private static async Task<List<(string Type, JsonElement Data)>> TurnAsync(HttpClient client, string message)
    {
        using var response = await TypedEvents.PostAsync(client, message);
        Assert.Equal(200, (int)response.StatusCode);
        return await TypedEvents.ReadAsync(response);
    }

    private static List<JsonElement> ToolStatuses(List<(string Type, JsonElement Data)> events) =>
        [.. events.Where(e => e.Type == "tool_status").Select(e => e.Data)];
}

namespace AiChat.Functions.Tests.Hosts.Geo;

/// <summary>
/// The geo assistant over HTTP on /api/chat/events, with the real AMap tools against the AMap emulator and the
/// DashScope emulator's tool-calling model: what a frontend sees, on both hosts and both DashScope protocols.
/// </summary>
public sealed class GeoAssistantHttpTests(EmulatedBackend backend) : IClassFixture<EmulatedBackend>
{
    public static BackendMatrix Matrix => BackendMatrix.EveryHost.WithBothProtocols().WithSetup(BackendSetup.GeoAssistant);

    [Theory, MatrixData]
    public async Task Seed_weather_question_shows_the_call_its_result_a_weather_card_and_an_answer_from_the_emulators_weather(BackendVariant on)
    {
        await backend.UseAsync(on);
        var events = await TurnAsync("北京今天天气怎么样？");

        Assert.Equal(["stream_start", "tool_status", "tool_status", "geo_card"], events.Take(4).Select(e => e.Type));
        Assert.Equal("stream_end", events[^1].Type);
        var (started, succeeded) = (events[1].Data, events[2].Data);
        Assert.Equal(("get_weather", "started"), (started.GetProperty("tool").GetString(), started.GetProperty("status").GetString()));
        Assert.Equal(("get_weather", "succeeded"), (succeeded.GetProperty("tool").GetString(), succeeded.GetProperty("status").GetString()));
        Assert.Equal(started.GetProperty("call_id").GetString(), succeeded.GetProperty("call_id").GetString());
        var card = events[3].Data.GetProperty("card");
        Assert.Equal(("weather", "amap", "北京市", "110000"), (card.GetProperty("kind").GetString(), card.GetProperty("source").GetString(), card.GetProperty("city").GetString(), card.GetProperty("adcode").GetString()));
        var live = card.GetProperty("live");
        Assert.Equal(("晴", 5.0), (live.GetProperty("weather").GetString(), live.GetProperty("temperature_c").GetDouble()));
        var answer = Text(events);
        Assert.Contains("晴", answer, StringComparison.Ordinal);
        Assert.Contains("5", answer, StringComparison.Ordinal);
        Assert.Single(events.Select(e => (e.Data.GetProperty("message_id").GetString(), e.Data.GetProperty("session_id").GetString())).Distinct());
    }

    [Theory, MatrixData]
    public async Task A_tool_rounds_reasoning_is_relayed_as_stream_reasoning_events_before_its_calls(BackendVariant on)
    {
        await backend.UseAsync(on);
        var events = await TurnAsync("北京今天天气怎么样？ [[tool-quirk:reasoning]]");

        Assert.Equal(["stream_start", "stream_reasoning", "stream_reasoning", "tool_status"], events.Take(4).Select(e => e.Type));
        Assert.Equal("嗯，需要调用工具。", string.Concat(events.Where(e => e.Type == "stream_reasoning").Select(e => e.Data.GetProperty("chunk").GetString())));
        Assert.Equal("stream_end", events[^1].Type);
    }

    [Theory, MatrixData]
    public async Task Places_question_puts_the_emulators_places_on_the_map_and_fits_the_map_to_them(BackendVariant on)
    {
        await backend.UseAsync(on);
        var events = await TurnAsync("北京哪里有咖啡馆？");

        var actions = events.Where(e => e.Type == "map_action").Select(e => e.Data).ToList();
        Assert.Equal(["add_markers", "fit_bounds"], actions.Select(a => a.GetProperty("action").GetProperty("kind").GetString()));
        Assert.All(actions, a => Assert.Equal("gcj02", a.GetProperty("crs").GetString()));
        var markers = actions[0].GetProperty("action").GetProperty("markers").EnumerateArray().ToList();
        Assert.Equal(["星巴克(望京SOHO店)", "瑞幸咖啡(阜通东大街店)"], markers.Select(m => m.GetProperty("title").GetString()));
        var positions = markers.Select(m => (Lng: m.GetProperty("position")[0].GetDouble(), Lat: m.GetProperty("position")[1].GetDouble())).ToList();
        var bounds = actions[1].GetProperty("action").GetProperty("bounds");
        Assert.Equal((positions.Min(p => p.Lng), positions.Min(p => p.Lat)), (bounds[0][0].GetDouble(), bounds[0][1].GetDouble()));
        Assert.Equal((positions.Max(p => p.Lng), positions.Max(p => p.Lat)), (bounds[1][0].GetDouble(), bounds[1][1].GetDouble()));
        Assert.Contains("星巴克(望京SOHO店)", Text(events), StringComparison.Ordinal);
    }

    [Theory, MatrixData]
    public async Task Map_in_wgs84_gets_positions_converted_from_AMaps_gcj02(BackendVariant on)
    {
        await backend.UseAsync(on);
        var gcj = await TurnAsync("北京哪里有咖啡馆？");
        var wgs = await TurnAsync("北京哪里有咖啡馆？", new { map_crs = "wgs84" });

        var (gcjMarker, wgsMarker) = (FirstMarker(gcj), FirstMarker(wgs));
        Assert.Equal("wgs84", wgs.First(e => e.Type == "map_action").Data.GetProperty("crs").GetString());
        // GCJ-02 is offset from WGS-84 by a few hundred metres around Beijing: east and north, by 0.004–0.008 degrees.
        Assert.InRange(gcjMarker.Lng - wgsMarker.Lng, 0.004, 0.008);
        Assert.InRange(gcjMarker.Lat - wgsMarker.Lat, 0.0005, 0.003);
    }

    [Theory, MatrixData]
    public async Task Conversation_continues_after_a_tool_turn_with_the_whole_tool_exchange_upstream(BackendVariant on)
    {
        await backend.UseAsync(on);
        var first = await TurnAsync("北京今天天气怎么样？");
        var sessionId = first[0].Data.GetProperty("session_id").GetString()!;
        var marker = Guid.NewGuid().ToString("N");

        var second = await TurnAsync($"谢谢 {marker}", sessionId: sessionId);

        Assert.Equal("stream_end", second[^1].Type);
        var upstream = Assert.Single(backend.RequestsWith(marker));
        var roles = upstream.Messages.Select(m => m.Role).ToList();
        var assistantWithCalls = upstream.Messages.Single(m => m.ToolCalls is { Count: > 0 });
        var answer = upstream.Messages.Single(m => m.Role == "tool");
        Assert.Equal(assistantWithCalls.ToolCalls![0].Id, answer.ToolCallId);
        Assert.True(roles.IndexOf("tool") == roles.IndexOf("assistant") + 1, string.Join(",", roles));
    }

    [Theory, MatrixData]
    public async Task Bad_client_context_is_a_400_naming_the_field_and_nothing_goes_upstream(BackendVariant on)
    {
        await backend.UseAsync(on);
        var error = await backend.RefusedAsync(
            client => client.PostAsJsonAsync("/api/chat/events", new { message = "附近有咖啡馆吗？", client_context = new { location = new { lng = 116.48, lat = 91, crs = "wgs84" } } }),
            HttpStatusCode.BadRequest);

        Assert.Equal("client_context.location.lat", error.GetProperty("field").GetString());
    }

    [Theory, MatrixData]
    public async Task AMap_key_appears_in_no_event_and_no_log_line(BackendVariant on)
    {
        await backend.UseAsync(on);
        using var response = await Post("北京今天天气怎么样？ 上海呢？");
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(backend.AMap.ReceivedRequests > 0);
        Assert.DoesNotContain(BackendSettings.AMapKey, body, StringComparison.Ordinal);
        Assert.All(backend.App.LogLines, line => Assert.DoesNotContain(BackendSettings.AMapKey, line, StringComparison.Ordinal));
    }

    private static (double Lng, double Lat) FirstMarker(List<(string Type, JsonElement Data)> events)
    {
        var position = events.First(e => e.Type == "map_action").Data.GetProperty("action").GetProperty("markers")[0].GetProperty("position");
        return (position[0].GetDouble(), position[1].GetDouble());
    }

    private static string Text(List<(string Type, JsonElement Data)> events) =>
        string.Concat(events.Where(e => e.Type == "stream_chunk").Select(e => e.Data.GetProperty("chunk").GetString()));

    private async Task<List<(string Type, JsonElement Data)>> TurnAsync(string message, object? clientContext = null, string? sessionId = null)
    {
        using var response = await Post(message, clientContext, sessionId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await TypedEvents.ReadAsync(response);
    }

    private Task<HttpResponseMessage> Post(string message, object? clientContext = null, string? sessionId = null) =>
        backend.Client.SendAsync(
            new HttpRequestMessage(HttpMethod.Post, "/api/chat/events")
            {
                Content = JsonContent.Create(new { message, session_id = sessionId, client_context = clientContext }),
            },
            HttpCompletionOption.ResponseHeadersRead);
}

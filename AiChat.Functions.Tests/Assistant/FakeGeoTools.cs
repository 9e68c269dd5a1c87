using System.Collections.Concurrent;
using System.Text.Json;
using AiChat.Core.Geo;

namespace AiChat.Functions.Tests.Assistant;

/// <summary>
/// Geo tools that answer from a fixed table: get_weather gives 北京市 晴 5.0 °C and a weather card, search_places two
/// places with add_markers and fit_bounds. Each call waits for <see cref="Delay"/> (per tool) and is recorded.
/// </summary>
internal sealed class FakeGeoTools : IGeoTools
{
    public bool IsEnabled { get; set; } = true;

    public IReadOnlyList<GeoToolDeclaration> Declarations => GeoToolDeclarations.All;

    public ConcurrentQueue<GeoToolCall> Calls { get; } = new();

    public Func<GeoToolCall, CancellationToken, Task>? Delay { get; set; }

    public string? LocationNote { get; set; }

    public Task<GeoTurn> BeginTurnAsync(string? sessionId, ClientContext? clientContext, CancellationToken cancellationToken) =>
        Task.FromResult(new GeoTurn(LocationNote));

    public async Task<GeoToolResult> InvokeAsync(GeoTurn turn, GeoToolCall toolCall, CancellationToken cancellationToken)
    {
        Calls.Enqueue(toolCall);
        if (Delay is not null)
        {
            await Delay(toolCall, cancellationToken);
        }

        return toolCall.Name switch
        {
            GeoToolNames.GetWeather => new GeoToolResult(true, null, 1,
                """{"source":"amap","city":"北京市","adcode":"110000","live":{"weather":"晴","temperature_c":5.0},"forecast":[]}""",
                [Event("geo_card", """{"card":{"kind":"weather","source":"amap","city":"北京市","live":{"weather":"晴","temperature_c":5.0},"forecast":[]}}""")]),
            GeoToolNames.SearchPlaces => new GeoToolResult(true, null, 2,
                """{"source":"amap","count":2,"places":[{"id":"amap:B1","name":"肯德基(花家地店)"},{"id":"amap:B2","name":"肯德基(酒仙桥店)"}]}""",
                [
                    Event("map_action", $$$"""{"action_id":"{{{toolCall.CallId}}}:1","crs":"gcj02","action":{"kind":"add_markers","layer":"search","replace":true,"markers":[{"id":"amap:B1","position":[116.469271,39.985568],"title":"肯德基(花家地店)"},{"id":"amap:B2","position":[116.490377,39.975437],"title":"肯德基(酒仙桥店)"}]}}"""),
                    Event("map_action", $$$"""{"action_id":"{{{toolCall.CallId}}}:2","crs":"gcj02","action":{"kind":"fit_bounds","bounds":[[116.469271,39.975437],[116.490377,39.985568]],"padding_px":48,"max_zoom":16}}"""),
                ]),
            _ => new GeoToolResult(false, "provider_error", null, """{"error":"provider_error","message":"地图服务暂时不可用"}""", []),
        };
    }

    private static GeoEvent Event(string type, string fields) => new(type, JsonDocument.Parse(fields).RootElement.Clone());
}

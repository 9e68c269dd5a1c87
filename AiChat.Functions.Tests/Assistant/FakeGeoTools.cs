using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;

namespace AiChat.Functions.Tests.Assistant;

/// <summary>
/// The registered geo tools as declared (name, description, arguments and their rules, label), answering from a fixed table:
/// get_weather gives 北京市 晴 5.0 °C and a weather card, search_places two places with add_markers and fit_bounds.
/// Each call waits for <see cref="Delay"/> (per tool) and is recorded.
/// </summary>
internal sealed class FakeGeoTools : IGeoTools
{
    private static readonly IReadOnlyList<GeoTool> Registered = RegisteredTools();

    public FakeGeoTools() => Declarations = [.. Registered.Select(tool => new CannedTool(tool, this))];

    public bool IsEnabled { get; set; } = true;

    public IReadOnlyList<GeoTool> Declarations { get; }

    public ConcurrentQueue<(string Name, string ArgumentsJson)> Calls { get; } = new();

    public Func<(string Name, string ArgumentsJson), CancellationToken, Task>? Delay { get; set; }

    public string? LocationNote { get; set; }

    public Task<GeoTurn> BeginTurnAsync(string? sessionId, ClientContext? clientContext, CancellationToken cancellationToken) =>
        Task.FromResult(new GeoTurn(LocationNote));

    /// <summary>The tools AddGeoTools registers, in their order; only their declarations are used.</summary>
    private static GeoTool[] RegisteredTools()
    {
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddLogging()
            .AddGeoTools()
            .BuildServiceProvider();
        return [.. services.GetServices<GeoTool>()];
    }

    private static GeoEvent Event(string type, string fields) => new(type, JsonDocument.Parse(fields).RootElement.Clone());

    private sealed class CannedTool(GeoTool declared, FakeGeoTools fake)
        : GeoTool(declared.Name, declared.Description, declared.Label, declared.Arguments)
    {
        protected override async Task<GeoToolResult> RunAsync(GeoToolCall call, CancellationToken cancellationToken)
        {
            fake.Calls.Enqueue((Name, call.ArgumentsJson));
            if (fake.Delay is { } delay)
            {
                await delay((Name, call.ArgumentsJson), cancellationToken);
            }

            return Name switch
            {
                "get_weather" => GeoToolResult.Success(1,
                    """{"source":"amap","city":"北京市","adcode":"110000","live":{"weather":"晴","temperature_c":5.0},"forecast":[]}""",
                    [Event("geo_card", """{"card":{"kind":"weather","source":"amap","city":"北京市","live":{"weather":"晴","temperature_c":5.0},"forecast":[]}}""")]),
                "search_places" => GeoToolResult.Success(2,
                    """{"source":"amap","count":2,"places":[{"id":"amap:B1","name":"肯德基(花家地店)"},{"id":"amap:B2","name":"肯德基(酒仙桥店)"}]}""",
                    [
                        Event("map_action", $$$"""{"action_id":"{{{call.Id}}}:1","crs":"gcj02","action":{"kind":"add_markers","layer":"search","replace":true,"markers":[{"id":"amap:B1","position":[116.469271,39.985568],"title":"肯德基(花家地店)"},{"id":"amap:B2","position":[116.490377,39.975437],"title":"肯德基(酒仙桥店)"}]}}"""),
                        Event("map_action", $$$"""{"action_id":"{{{call.Id}}}:2","crs":"gcj02","action":{"kind":"fit_bounds","bounds":[[116.469271,39.975437],[116.490377,39.985568]],"padding_px":48,"max_zoom":16}}"""),
                    ]),
                _ => GeoToolResult.Failure("provider_error", """{"error":"provider_error","message":"地图服务暂时不可用"}""", []),
            };
        }
    }
}

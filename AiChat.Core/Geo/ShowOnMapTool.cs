using System.Text.Json.Nodes;

namespace AiChat.Core.Geo;

/// <summary>show_on_map: places the tools returned earlier, found by id in the registry only; never a position the model wrote.</summary>
internal sealed class ShowOnMapTool : IGeoTool
{
    public const string Layer = "assistant";

    public string Name => GeoToolNames.ShowOnMap;

    public Task<GeoToolResult> RunAsync(GeoTurn turn, GeoToolCall toolCall, GeoArguments arguments, CancellationToken cancellationToken)
    {
        var ids = arguments.Strings("place_ids", MapActions.MaxMarkers, required: true);
        var mode = arguments.Choice("mode", "markers", "focus") ?? "markers";
        if (arguments.Problem is { } problem)
        {
            return Task.FromResult(GeoFailure.InvalidArguments(problem.Field, problem.Rule));
        }

        List<RegisteredPlace> known = [];
        List<string> unknown = [];
        foreach (var id in ids!.Distinct(StringComparer.Ordinal))
        {
            if (turn.Places.Find(id) is { } place)
            {
                known.Add(place);
            }
            else
            {
                unknown.Add(GeoText.Clean(id) ?? "?");
            }
        }

        if (known.Count == 0)
        {
            return Task.FromResult(GeoFailure.InvalidArguments("place_ids", "中没有之前结果里的地点 id"));
        }

        var map = new MapActions(toolCall.CallId, turn.MapCrs);
        if (mode == "focus")
        {
            known = known[..1];
            map.AddMarkers(Layer, known, ranked: false).FlyTo(known[0], zoom: 17).Highlight(Layer, known[0].Id);
        }
        else
        {
            map.AddMarkers(Layer, known, ranked: false).Frame(known, zoom: 16);
        }

        var content = GeoJson.Text(new JsonObject { ["shown"] = known.Count, ["unknown_ids"] = new JsonArray([.. unknown.Select(u => JsonValue.Create(u))]) });
        return Task.FromResult(new GeoToolResult(true, null, known.Count, content, map.Events));
    }

    public GeoToolResult NoResult(GeoTurn turn, GeoToolCall toolCall) =>
        new(false, "no_result", null, GeoJson.Text(new JsonObject { ["shown"] = 0, ["unknown_ids"] = new JsonArray() }), []);
}

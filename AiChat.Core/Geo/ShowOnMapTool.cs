using System.Text.Json.Nodes;

namespace AiChat.Core.Geo;

/// <summary>show_on_map: places the tools returned earlier, found by id in the registry only; never a position the model wrote.</summary>
internal sealed class ShowOnMapTool() : GeoTool("show_on_map", "在用户的地图上展示之前工具结果中的地点。只能使用之前结果里的 id。", "正在更新地图…", PlaceIds, Mode)
{
    private static readonly GeoParameter<IReadOnlyList<string>?> PlaceIds = GeoParameter.Strings("place_ids", MapActions.MaxMarkers, "之前结果中的地点 id", required: true);
    private static readonly GeoParameter<string?> Mode = GeoParameter.Choice("mode", "markers=标出全部（默认）；focus=聚焦第一个", "markers", "focus");
    public const string Layer = "assistant";

    protected override Task<GeoToolResult> RunAsync(GeoToolCall call, CancellationToken cancellationToken)
    {
        var turn = call.Turn;
        var ids = call.Read(PlaceIds)!;
        var mode = call.Read(Mode) ?? "markers";
        List<RegisteredPlace> known = [];
        List<string> unknown = [];
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
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

        var map = new MapActions(call.Id, turn.MapCrs);
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
        return Task.FromResult(GeoToolResult.Success(known.Count, content, map.Events));
    }
}

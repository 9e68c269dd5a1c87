using System.Text.Json.Nodes;
using AiChat.Core.Geo.AMap;

namespace AiChat.Core.Geo;

/// <summary>suggest_places: AMap's input tips, those without a position dropped. No map events.</summary>
internal sealed class SuggestPlacesTool(AMapClient amap) : GeoTool(
    name: "suggest_places",
    description: "根据不完整或有歧义的地名给出候选地点（输入提示），用于消除歧义。",
    label: "正在查找候选地点…",
    parameters: """
        {"type":"object","properties":{
          "keywords":{"type":"string","description":"不完整的地名或关键词"},
          "city":{"type":"string","description":"城市名或adcode，可选"}},
         "required":["keywords"]}
        """)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromHours(24);

    protected override async Task<GeoToolResult> RunAsync(GeoToolCall call, CancellationToken cancellationToken)
    {
        var (turn, arguments) = (call.Turn, call.Arguments);
        var keywords = arguments.Text("keywords", 80, required: true);
        var city = arguments.City();
        if (arguments.Problem is { } problem)
        {
            return GeoFailure.InvalidArguments(problem.Field, problem.Rule);
        }

        var query = new AMapQuery("/v3/assistant/inputtips").Add("keywords", keywords).Add("city", city)
            .Add("citylimit", city is null ? null : "true").Add("datatype", "all")
            .Add("location", turn.UserPosition is { } user ? AMapJson.Format(user) : null);
        var answer = await amap.GetAsync(query, CacheFor, cancellationToken);

        List<RegisteredPlace> places = [];
        List<JsonObject> items = [];
        foreach (var tip in AMapJson.Array(answer, "tips"))
        {
            if (PlaceSearchTool.Place(tip) is not { } place)
            {
                continue;
            }

            var district = GeoText.Clean(AMapJson.String(tip, "district"));
            places.Add(place with { District = district });
            items.Add(new JsonObject { ["id"] = place.Id, ["name"] = place.Name }.AddIf("district", district).AddIf("address", place.Address));
        }

        if (items.Count == 0)
        {
            return NoResult(call);
        }

        var (content, count) = GeoProjection.List("suggestions", items);
        places[..count].ForEach(turn.Places.Remember);
        return GeoToolResult.Success(count, content, []);
    }

    protected override GeoToolResult NoResult(GeoToolCall call) =>
        GeoToolResult.Failure(AMapErrorCodes.NoResult, GeoProjection.List("suggestions", []).Content, []);
}

using System.Text.Json.Nodes;
using AiChat.Core.Geo.AMap;

namespace AiChat.Core.Geo;

/// <summary>suggest_places: AMap's input tips, those without a position dropped. No map events.</summary>
internal sealed class SuggestPlacesTool(AMapClient amap)
    : GeoTool("suggest_places", "根据不完整或有歧义的地名给出候选地点（输入提示），用于消除歧义。", "正在查找候选地点…", Keywords, City)
{
    private static readonly GeoParameter<string?> Keywords = GeoParameter.Text("keywords", 80, "不完整的地名或关键词", required: true);
    private static readonly GeoParameter<string?> City = GeoParameter.City("城市名或adcode，可选");
    private static readonly TimeSpan CacheFor = TimeSpan.FromHours(24);

    protected override async Task<GeoToolResult> RunAsync(GeoToolCall call, CancellationToken cancellationToken)
    {
        var turn = call.Turn;
        var keywords = call.Read(Keywords);
        var city = call.Read(City);
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

using System.Globalization;
using System.Text.Json.Nodes;
using AiChat.Core.Geo.AMap;

namespace AiChat.Core.Geo;

/// <summary>search_places: keyword search in a city (/v3/place/text), or around the user (/v3/place/around).</summary>
internal sealed class PlaceSearchTool(AMapClient amap)
    : GeoTool("search_places", "按关键词搜索地点(POI)。near_me=true 时以用户当前位置为中心搜索周边。", "正在搜索地点…", Keywords, City, NearMe, Radius, Limit)
{
    private static readonly GeoParameter<string?> Keywords = GeoParameter.Text("keywords", 80, "关键词，如 咖啡馆、故宫", required: true);
    private static readonly GeoParameter<string?> City = GeoParameter.City("城市名或adcode，可选；给出时只在该城市内搜索");
    private static readonly GeoParameter<bool?> NearMe = GeoParameter.Boolean("near_me", "是否以用户当前位置为中心搜索周边，默认 false");
    private static readonly GeoParameter<int?> Radius = GeoParameter.Integer("radius_m", 100, 50000, "周边半径（米），默认3000");
    private static readonly GeoParameter<int?> Limit = GeoParameter.Integer("limit", 1, 10, "返回数量，默认5");
    public const string Layer = "search";
    private static readonly TimeSpan CacheFor = TimeSpan.FromHours(1);

    protected override async Task<GeoToolResult> RunAsync(GeoToolCall call, CancellationToken cancellationToken)
    {
        var turn = call.Turn;
        var keywords = call.Read(Keywords);
        var city = call.Read(City);
        var nearMe = call.Read(NearMe) ?? false;
        var radius = call.Read(Radius) ?? 3000;
        var limit = call.Read(Limit) ?? 5;
        if (nearMe && turn.UserPosition is null)
        {
            return GeoFailure.InvalidArguments("near_me", "需要用户位置，但请求没有提供 client_context.location");
        }

        var query = nearMe
            ? new AMapQuery("/v3/place/around").Add("location", AMapJson.Format(turn.UserPosition!.Value)).Add("keywords", keywords)
                .Add("radius", radius.ToString(CultureInfo.InvariantCulture)).Add("sortrule", "distance")
            : new AMapQuery("/v3/place/text").Add("keywords", keywords).Add("city", city).Add("citylimit", city is null ? null : "true");
        query.Add("offset", limit.ToString(CultureInfo.InvariantCulture)).Add("page", "1").Add("extensions", "all");
        var answer = await amap.GetAsync(query, CacheFor, cancellationToken);

        List<RegisteredPlace> places = [];
        List<JsonObject> items = [];
        foreach (var poi in AMapJson.Array(answer, "pois").Take(limit))
        {
            if (Place(poi) is not { } place)
            {
                continue;
            }

            places.Add(place);
            items.Add(new JsonObject { ["id"] = place.Id, ["name"] = place.Name }
                .AddIf("address", place.Address)
                .AddIf("district", place.District)
                .AddIf("type", GeoText.Clean(AMapJson.String(poi, "type")))
                .AddIf("distance_m", nearMe ? AMapJson.Number(poi, "distance") is { } d ? Math.Round(d) : null : null)
                .AddIf("rating", AMapJson.Object(poi, "biz_ext") is { } biz ? AMapJson.Number(biz, "rating") : null));
        }

        var cities = SuggestedCities(answer);
        if (items.Count == 0)
        {
            return Empty(call, cities);
        }

        var (content, count) = GeoProjection.List("places", items);
        places = places[..count];
        places.ForEach(turn.Places.Remember);
        var map = new MapActions(call.Id, turn.MapCrs).AddMarkers(Layer, places, ranked: true).Frame(places, zoom: 16);
        return GeoToolResult.Success(count, content, map.Events);
    }

    protected override GeoToolResult NoResult(GeoToolCall call) => Empty(call, []);

    /// <summary>A POI with an id, a name and a position; null for anything less (it could be neither shown nor named).</summary>
    public static RegisteredPlace? Place(JsonElement poi)
    {
        var id = GeoText.Clean(AMapJson.String(poi, "id"));
        var name = GeoText.Clean(AMapJson.String(poi, "name"));
        if (id is null || name is null || AMapJson.Location(poi, "location") is not { } position)
        {
            return null;
        }

        var district = GeoText.Clean((AMapJson.String(poi, "cityname") ?? AMapJson.String(poi, "pname")) + AMapJson.String(poi, "adname"));
        return new RegisteredPlace("amap:" + id, name, GeoText.Clean(AMapJson.String(poi, "address")), district,
            GeoText.Clean(AMapJson.String(poi, "typecode")), position);
    }

    private static GeoToolResult Empty(GeoToolCall call, List<string> cities)
    {
        var (content, _) = GeoProjection.List("places", [], cities.Count == 0 ? null : result => result["suggested_cities"] = new JsonArray([.. cities.Select(c => JsonValue.Create(c))]));
        return GeoToolResult.Failure(AMapErrorCodes.NoResult, content, new MapActions(call.Id, call.Turn.MapCrs).RemoveLayer(Layer).Events);
    }

    /// <summary>suggestion.cities: entries {"name",…} or plain strings (both seen); names only, at most 5.</summary>
    private static List<string> SuggestedCities(JsonElement answer) =>
        AMapJson.Object(answer, "suggestion") is { } suggestion
            ? [.. AMapJson.Array(suggestion, "cities")
                .Select(c => GeoText.Clean(c.ValueKind == JsonValueKind.String ? c.GetString() : AMapJson.String(c, "name")))
                .OfType<string>().Distinct().Take(5)]
            : [];
}

using System.Text.Json.Nodes;
using AiChat.Core.Geo.AMap;

namespace AiChat.Core.Geo;

/// <summary>geocode: an address to at most five positions with their administrative areas.</summary>
internal sealed class GeocodeTool(AMapClient amap) : GeoTool("geocode", "把地址或地标名称转换为坐标和行政区。", "正在解析地址…", Address, City)
{
    private static readonly GeoParameter<string?> Address = GeoParameter.Text("address", 80, "地址或地标名，如 北京市朝阳区阜通东大街6号", required: true);
    private static readonly GeoParameter<string?> City = GeoParameter.City("城市名或adcode，可选");
    public const int MaxResults = 5;
    public const string Layer = "geocode";
    public static readonly TimeSpan CacheFor = TimeSpan.FromHours(24);

    protected override async Task<GeoToolResult> RunAsync(GeoToolCall call, CancellationToken cancellationToken)
    {
        var address = call.Read(Address)!;
        var city = call.Read(City);
        var answer = await amap.GetAsync(new AMapQuery("/v3/geocode/geo").Add("address", address).Add("city", city), CacheFor, cancellationToken);
        List<RegisteredPlace> places = [];
        List<JsonObject> items = [];
        List<string?> levels = [];
        foreach (var geocode in AMapJson.Array(answer, "geocodes"))
        {
            if (AMapJson.Location(geocode, "location") is not { } position || places.Count == MaxResults)
            {
                continue;
            }

            var province = GeoText.Clean(AMapJson.String(geocode, "province"));
            var cityName = GeoText.Clean(AMapJson.String(geocode, "city")) ?? province;
            var district = GeoText.Clean(AMapJson.String(geocode, "district"));
            var formatted = GeoText.Clean(AMapJson.String(geocode, "formatted_address")?.Replace("|", "", StringComparison.Ordinal));
            var level = GeoText.Clean(AMapJson.String(geocode, "level"));
            var id = "amap:geo:" + AMapJson.Format(position);
            places.Add(new RegisteredPlace(id, formatted ?? address, null, GeoText.Clean(cityName + district), null, position));
            levels.Add(level);
            items.Add(new JsonObject { ["id"] = id }
                .AddIf("formatted_address", formatted)
                .AddIf("province", province)
                .AddIf("city", cityName)
                .AddIf("district", district)
                .AddIf("adcode", GeoText.Clean(AMapJson.String(geocode, "adcode")))
                .AddIf("level", level));
        }

        if (items.Count == 0)
        {
            return NoResult(call);
        }

        var (content, count) = GeoProjection.List("results", items);
        places = places[..count];
        places.ForEach(call.Turn.Places.Remember);
        var map = new MapActions(call.Id, call.Turn.MapCrs).AddMarkers(Layer, places, ranked: false);
        map.Frame(places, ZoomFor(levels[0]));
        return GeoToolResult.Success(count, content, map.Events);
    }

    protected override GeoToolResult NoResult(GeoToolCall call) =>
        GeoToolResult.Failure(AMapErrorCodes.NoResult, GeoProjection.List("results", []).Content, []);

    /// <summary>How close to fly for one result, by AMap's level (docs/geo-assistant.md#events).</summary>
    public static int ZoomFor(string? level) => level switch
    {
        "省" => 7,
        "市" => 10,
        "区县" => 12,
        "开发区" or "乡镇" => 13,
        "村庄" or "热点商圈" => 14,
        "道路" => 15,
        "兴趣点" or "门牌号" or "单元号" or "公交站台" or "地铁站" => 17,
        _ => 12,
    };
}

using System.Globalization;
using System.Text.Json.Nodes;
using AiChat.Core.Geo.AMap;

namespace AiChat.Core.Geo;

/// <summary>get_weather: a name resolved to an adcode by geocoding, then live weather and, when asked, the forecast.</summary>
internal sealed class WeatherTool(AMapClient amap) : GeoTool("get_weather", "查询中国城市（区县）的实况天气，或未来4天预报。", "正在查询天气…", City, Forecast)
{
    private static readonly GeoParameter<string?> City = GeoParameter.City("城市或区县名，如 北京市、杭州市西湖区；或6位adcode，如 110105", required: true);
    private static readonly GeoParameter<bool?> Forecast = GeoParameter.Boolean("forecast", "true 时同时返回未来4天预报；默认 false，只返回实况");
    private static readonly TimeSpan LiveCache = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan ForecastCache = TimeSpan.FromHours(1);

    protected override async Task<GeoToolResult> RunAsync(GeoToolCall call, CancellationToken cancellationToken)
    {
        var city = call.Read(City)!;
        var forecast = call.Read(Forecast) ?? false;
        var adcode = city.Length == 6 && city.All(char.IsAsciiDigit) ? city : await ResolveAdcodeAsync(city, cancellationToken);
        var live = amap.GetAsync(new AMapQuery("/v3/weather/weatherInfo").Add("city", adcode).Add("extensions", "base"), LiveCache, cancellationToken);
        var casts = forecast
            ? amap.GetAsync(new AMapQuery("/v3/weather/weatherInfo").Add("city", adcode).Add("extensions", "all"), ForecastCache, cancellationToken)
            : Task.FromResult<JsonElement>(default);
        await Task.WhenAll(live, casts);

        var liveEntry = AMapJson.Array(await live, "lives").FirstOrDefault();
        var forecastEntry = forecast ? AMapJson.Array(await casts, "forecasts").FirstOrDefault() : default;
        if (liveEntry.ValueKind != JsonValueKind.Object && forecastEntry.ValueKind != JsonValueKind.Object)
        {
            throw new AMapException(AMapErrorCodes.NoResult, null, $"AMap has no weather for adcode {adcode}.");
        }

        var card = new JsonObject { ["source"] = "amap" }
            .AddIf("city", GeoText.Clean(AMapJson.String(liveEntry, "city") ?? AMapJson.String(forecastEntry, "city")))
            .AddIf("adcode", GeoText.Clean(AMapJson.String(liveEntry, "adcode") ?? AMapJson.String(forecastEntry, "adcode")));
        card["live"] = liveEntry.ValueKind == JsonValueKind.Object ? Live(liveEntry) : null;
        card["forecast"] = new JsonArray([.. AMapJson.Array(forecastEntry, "casts").Take(4).Select(Cast)]);

        var content = GeoJson.Text(card);
        var shown = new JsonObject { ["kind"] = "weather" };
        foreach (var (name, value) in card)
        {
            shown[name] = value?.DeepClone();
        }

        return GeoToolResult.Success(1, content, [new GeoEvent("geo_card", GeoJson.Element(new JsonObject { ["card"] = shown }))]);
    }

    protected override GeoToolResult NoResult(GeoToolCall call) =>
        GeoToolResult.Failure(AMapErrorCodes.NoResult, GeoJson.Text(new JsonObject { ["source"] = "amap", ["count"] = 0 }), []);

    private async Task<string> ResolveAdcodeAsync(string city, CancellationToken cancellationToken)
    {
        var answer = await amap.GetAsync(new AMapQuery("/v3/geocode/geo").Add("address", city), GeocodeTool.CacheFor, cancellationToken);
        return AMapJson.Array(answer, "geocodes").Select(g => AMapJson.String(g, "adcode")).FirstOrDefault(a => a is { Length: 6 } && a.All(char.IsAsciiDigit))
               ?? throw new AMapException(AMapErrorCodes.NoResult, null, "AMap could not resolve the city to an adcode.");
    }

    private static JsonObject Live(JsonElement live) => new JsonObject()
        .Set("weather", GeoText.Clean(AMapJson.String(live, "weather")))
        .Set("temperature_c", AMapJson.Number(live, "temperature_float") ?? AMapJson.Number(live, "temperature"))
        .Set("humidity_pct", AMapJson.Number(live, "humidity_float") ?? AMapJson.Number(live, "humidity"))
        .Set("wind_dir", GeoText.Clean(AMapJson.String(live, "winddirection")))
        .Set("wind_power", GeoText.Clean(AMapJson.String(live, "windpower")))
        .Set("report_time", BeijingTime(AMapJson.String(live, "reporttime")));

    private static JsonObject Cast(JsonElement cast) => new JsonObject()
        .Set("date", GeoText.Clean(AMapJson.String(cast, "date")))
        .Set("day", GeoText.Clean(AMapJson.String(cast, "dayweather")))
        .Set("night", GeoText.Clean(AMapJson.String(cast, "nightweather")))
        .Set("max_c", AMapJson.Number(cast, "daytemp_float") ?? AMapJson.Number(cast, "daytemp"))
        .Set("min_c", AMapJson.Number(cast, "nighttemp_float") ?? AMapJson.Number(cast, "nighttemp"));

    /// <summary>"2019-01-10 18:49:58" (Beijing time) as ISO 8601 with +08:00; null when it does not parse.</summary>
    private static string? BeijingTime(string? text) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)
            : null;
}

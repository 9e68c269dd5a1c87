using System.Globalization;

namespace AiChat.Core.Geo.AMap;

/// <summary>Reads AMap's JSON: empty strings come as <c>[]</c>, numbers as strings, positions as "lng,lat".</summary>
internal static class AMapJson
{
    /// <returns>The string, or null when absent, null, <c>[]</c>, empty or not a string.</returns>
    public static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;

    public static double? Number(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDouble(out var number) && double.IsFinite(number) => number,
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                && double.IsFinite(number) => number,
            _ => null,
        };
    }

    public static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : [];

    public static JsonElement? Object(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : null;

    /// <returns>The GCJ-02 position of a "lng,lat" string in range, or null.</returns>
    public static GeoPoint? Location(JsonElement element, string name) =>
        String(element, name) is { } text ? ParseLocation(text) : null;

    public static GeoPoint? ParseLocation(string text)
    {
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        return comma > 0
               && double.TryParse(text.AsSpan(0, comma), NumberStyles.Float, CultureInfo.InvariantCulture, out var lng)
               && double.TryParse(text.AsSpan(comma + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
               && lng is >= -180 and <= 180 && lat is >= -90 and <= 90
            ? new GeoPoint(lng, lat)
            : null;
    }

    /// <summary>"lng,lat" with at most 6 decimals, as AMap takes positions.</summary>
    public static string Format(GeoPoint point) =>
        string.Create(CultureInfo.InvariantCulture, $"{Math.Round(point.Lng, 6):0.######},{Math.Round(point.Lat, 6):0.######}");
}

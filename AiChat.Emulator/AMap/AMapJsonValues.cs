using System.Globalization;
using System.Text.Json.Nodes;

namespace AiChat.Emulator.AMap;

/// <summary>Values as AMap writes them: empty strings as [], numbers and positions as strings.</summary>
internal static class AMapJsonValues
{
    public static JsonNode Text(string? value) => value is { Length: > 0 } ? JsonValue.Create(value) : new JsonArray();

    public static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Location((double Lng, double Lat) p) => string.Create(CultureInfo.InvariantCulture, $"{p.Lng:0.000000},{p.Lat:0.000000}");

    public static JsonObject Ok(string count) => new() { ["status"] = "1", ["count"] = count, ["info"] = "OK", ["infocode"] = "10000" };

    public static JsonObject Error(string infocode) => new() { ["status"] = "0", ["info"] = AMapInfocodes.InfoFor(infocode), ["infocode"] = infocode };

    public static (double Lng, double Lat)? ParseLocation(string? text)
    {
        var parts = text?.Split(',');
        return parts is [var lng, var lat]
               && double.TryParse(lng, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
               && double.TryParse(lat, NumberStyles.Float, CultureInfo.InvariantCulture, out var y)
               && x is >= -180 and <= 180 && y is >= -90 and <= 90
            ? (x, y)
            : null;
    }
}

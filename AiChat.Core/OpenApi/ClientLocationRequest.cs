using System.ComponentModel;

namespace AiChat.Core.OpenApi;

internal sealed record ClientLocationRequest(
    [property: JsonPropertyName("lng"), Description("-180 to 180.")] double Lng,
    [property: JsonPropertyName("lat"), Description("-90 to 90.")] double Lat,
    [property: JsonPropertyName("crs"), Description("gcj02 or wgs84.")] string Crs,
    [property: JsonPropertyName("accuracy_m"), Description("At least 0.")] double? AccuracyM = null);

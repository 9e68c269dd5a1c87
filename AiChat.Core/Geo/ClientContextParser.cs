namespace AiChat.Core.Geo;

/// <summary>Reads and checks a request's <c>client_context</c> (docs/geo-assistant.md#client-context). Unknown members are ignored.</summary>
internal static class ClientContextParser
{
    /// <param name="element">The value of <c>client_context</c>; JSON null means absent.</param>
    /// <param name="context">The context, or null when absent or invalid.</param>
    /// <param name="badField">The path of the first bad field, e.g. <c>client_context.location.lat</c>, or null.</param>
    public static bool TryParse(JsonElement element, out ClientContext? context, out string? badField)
    {
        context = null;
        badField = null;
        if (element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            badField = "client_context";
            return false;
        }

        var mapCrs = GeoCrs.Gcj02;
        if (element.TryGetProperty("map_crs", out var mapCrsValue) && mapCrsValue.ValueKind != JsonValueKind.Null)
        {
            if (ReadCrs(mapCrsValue) is not { } crs)
            {
                badField = "client_context.map_crs";
                return false;
            }

            mapCrs = crs;
        }

        GeoLocation? location = null;
        if (element.TryGetProperty("location", out var locationValue) && locationValue.ValueKind != JsonValueKind.Null
            && !TryReadLocation(locationValue, out location, out badField))
        {
            return false;
        }

        context = new ClientContext(mapCrs, location);
        return true;
    }

    private static bool TryReadLocation(JsonElement element, out GeoLocation? location, out string? badField)
    {
        location = null;
        badField = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            badField = "client_context.location";
            return false;
        }

        if (ReadNumber(element, "lng", -180, 180) is not { } lng)
        {
            badField = "client_context.location.lng";
            return false;
        }

        if (ReadNumber(element, "lat", -90, 90) is not { } lat)
        {
            badField = "client_context.location.lat";
            return false;
        }

        if (!element.TryGetProperty("crs", out var crsValue) || ReadCrs(crsValue) is not { } crs)
        {
            badField = "client_context.location.crs";
            return false;
        }

        double? accuracy = null;
        if (element.TryGetProperty("accuracy_m", out var accuracyValue) && accuracyValue.ValueKind != JsonValueKind.Null)
        {
            if (ReadNumber(element, "accuracy_m", 0, double.MaxValue) is not { } value)
            {
                badField = "client_context.location.accuracy_m";
                return false;
            }

            accuracy = value;
        }

        location = new GeoLocation(lng, lat, crs, accuracy);
        return true;
    }

    private static double? ReadNumber(JsonElement element, string name, double min, double max) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
        && value.TryGetDouble(out var number) && double.IsFinite(number) && number >= min && number <= max
            ? number
            : null;

    private static string? ReadCrs(JsonElement value) => value.ValueKind != JsonValueKind.String
        ? null
        : value.GetString() switch
        {
            GeoCrs.Gcj02 => GeoCrs.Gcj02,
            GeoCrs.Wgs84 => GeoCrs.Wgs84,
            _ => null,
        };
}

namespace AiChat.Core.Geo;

/// <summary>One turn's geo state: the map's CRS, the user's position in GCJ-02, the place registry it writes to.</summary>
internal sealed class GeoTurn
{
    /// <summary>A turn with no location and a registry of its own; what a test's fake <see cref="IGeoTools"/> hands out.</summary>
    public GeoTurn(string? locationNote = null)
        : this(GeoCrs.Gcj02, userPosition: null, locationNote, new PlaceRegistry())
    {
    }

    internal GeoTurn(string mapCrs, GeoPoint? userPosition, string? locationNote, PlaceRegistry places)
    {
        MapCrs = mapCrs;
        UserPosition = userPosition;
        LocationNote = locationNote;
        Places = places;
    }

    /// <summary>The system message "用户当前位于&lt;省&gt;&lt;市&gt;&lt;区&gt;。", or null (no location, or the reverse geocode failed).</summary>
    public string? LocationNote { get; }

    /// <summary>The CRS every map_action of the turn is written in (the request's map_crs).</summary>
    public string MapCrs { get; }

    /// <summary>The user's position in GCJ-02, or null.</summary>
    internal GeoPoint? UserPosition { get; }

    internal PlaceRegistry Places { get; }
}

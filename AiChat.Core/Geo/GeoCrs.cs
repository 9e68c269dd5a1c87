namespace AiChat.Core.Geo;

/// <summary>The two coordinate reference systems of docs/amap.md#coordinate-systems, as the wire spells them.</summary>
internal static class GeoCrs
{
    public const string Gcj02 = "gcj02";
    public const string Wgs84 = "wgs84";
}

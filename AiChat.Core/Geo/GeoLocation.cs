namespace AiChat.Core.Geo;

/// <summary>The user's position as the request gave it, in <paramref name="Crs"/>.</summary>
internal sealed record GeoLocation(double Lng, double Lat, string Crs, double? AccuracyM);

namespace AiChat.Core.Geo;

/// <summary>A position as longitude and latitude in degrees; which CRS is up to the holder.</summary>
internal readonly record struct GeoPoint(double Lng, double Lat);

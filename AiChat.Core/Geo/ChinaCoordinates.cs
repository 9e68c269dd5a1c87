namespace AiChat.Core.Geo;

/// <summary>
/// WGS-84 ↔ GCJ-02 by the public formula over the Krasovsky ellipsoid (docs/amap.md#coordinate-systems). Points outside the
/// rectangle around China are left as they are, in both directions, so that a round trip is consistent.
/// </summary>
internal static class ChinaCoordinates
{
    private const double SemiMajorAxis = 6378245.0;
    private const double EccentricitySquared = 0.00669342162296594323;

    public static GeoPoint WgsToGcj(GeoPoint wgs)
    {
        if (IsOutsideChina(wgs))
        {
            return wgs;
        }

        var (dLng, dLat) = Offset(wgs);
        return new GeoPoint(wgs.Lng + dLng, wgs.Lat + dLat);
    }

    /// <summary>The inverse by iteration: the one-step inverse is off by a metre or two.</summary>
    public static GeoPoint GcjToWgs(GeoPoint gcj)
    {
        if (IsOutsideChina(gcj))
        {
            return gcj;
        }

        var wgs = gcj;
        for (var i = 0; i < 10; i++)
        {
            var guess = WgsToGcj(wgs);
            var (errorLng, errorLat) = (gcj.Lng - guess.Lng, gcj.Lat - guess.Lat);
            wgs = new GeoPoint(wgs.Lng + errorLng, wgs.Lat + errorLat);
            if (Math.Abs(errorLng) < 1e-7 && Math.Abs(errorLat) < 1e-7)
            {
                break;
            }
        }

        return wgs;
    }

    /// <summary>Converts a GCJ-02 position for a map in <paramref name="crs"/>.</summary>
    public static GeoPoint FromGcj(GeoPoint gcj, string crs) => crs == GeoCrs.Wgs84 ? GcjToWgs(gcj) : gcj;

    public static GeoPoint ToGcj(GeoPoint point, string crs) => crs == GeoCrs.Wgs84 ? WgsToGcj(point) : point;

    private static bool IsOutsideChina(GeoPoint p) => p.Lng < 72.004 || p.Lng > 137.8347 || p.Lat < 0.8293 || p.Lat > 55.8271;

    private static (double DLng, double DLat) Offset(GeoPoint wgs)
    {
        var x = wgs.Lng - 105.0;
        var y = wgs.Lat - 35.0;
        var dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.Sqrt(Math.Abs(x))
                   + Waves(x) + (20.0 * Math.Sin(y * Math.PI) + 40.0 * Math.Sin(y / 3.0 * Math.PI)) * 2.0 / 3.0
                   + (160.0 * Math.Sin(y / 12.0 * Math.PI) + 320.0 * Math.Sin(y / 30.0 * Math.PI)) * 2.0 / 3.0;
        var dLng = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.Sqrt(Math.Abs(x))
                   + Waves(x) + (20.0 * Math.Sin(x * Math.PI) + 40.0 * Math.Sin(x / 3.0 * Math.PI)) * 2.0 / 3.0
                   + (150.0 * Math.Sin(x / 12.0 * Math.PI) + 300.0 * Math.Sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;

        var radLat = wgs.Lat / 180.0 * Math.PI;
        var magic = 1 - EccentricitySquared * Math.Sin(radLat) * Math.Sin(radLat);
        var sqrtMagic = Math.Sqrt(magic);
        dLat = dLat * 180.0 / (SemiMajorAxis * (1 - EccentricitySquared) / (magic * sqrtMagic) * Math.PI);
        dLng = dLng * 180.0 / (SemiMajorAxis / sqrtMagic * Math.Cos(radLat) * Math.PI);
        return (dLng, dLat);
    }

    private static double Waves(double x) => (20.0 * Math.Sin(6.0 * x * Math.PI) + 20.0 * Math.Sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
}

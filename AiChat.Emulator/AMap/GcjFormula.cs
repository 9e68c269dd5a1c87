namespace AiChat.Emulator.AMap;

/// <summary>WGS-84 to GCJ-02 as AMap's coordinate convert does it (the public Krasovsky formula).</summary>
internal static class GcjFormula
{
    public static (double Lng, double Lat) FromWgs((double Lng, double Lat) p)
    {
        if (AMapWorld.IsOutsideChina(p))
        {
            return p;
        }

        const double a = 6378245.0;
        const double ee = 0.00669342162296594323;
        double x = p.Lng - 105.0, y = p.Lat - 35.0;
        double Sin(double v) => Math.Sin(v * Math.PI);
        var common = (20 * Sin(6 * x) + 20 * Sin(2 * x)) * 2 / 3;
        var dLat = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.Sqrt(Math.Abs(x)) + common
                   + (20 * Sin(y) + 40 * Sin(y / 3)) * 2 / 3 + (160 * Sin(y / 12) + 320 * Sin(y / 30)) * 2 / 3;
        var dLng = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.Sqrt(Math.Abs(x)) + common
                   + (20 * Sin(x) + 40 * Sin(x / 3)) * 2 / 3 + (150 * Sin(x / 12) + 300 * Sin(x / 30)) * 2 / 3;
        var rad = p.Lat / 180 * Math.PI;
        var m = 1 - ee * Math.Sin(rad) * Math.Sin(rad);
        dLat = dLat * 180 / (a * (1 - ee) / (m * Math.Sqrt(m)) * Math.PI);
        dLng = dLng * 180 / (a / Math.Sqrt(m) * Math.Cos(rad) * Math.PI);
        return (p.Lng + dLng, p.Lat + dLat);
    }
}

namespace AiChat.Functions.Tests.Geo;

/// <summary>The reference points of docs/amap.md#coordinate-systems (googollee/eviltransform's test vectors).</summary>
public sealed class ChinaCoordinatesTests
{
    public static TheoryData<double, double, double, double> ReferencePoints => new()
    {
        { 121.5272106, 31.1774276, 121.531542, 31.175304 },
        { 113.912316, 22.543847, 113.917176, 22.540796 },
        { 116.377817, 39.911954, 116.384047, 39.913345 },
        { 139.69171, 35.6895, 139.69171, 35.6895 },
    };

    [Theory]
    [MemberData(nameof(ReferencePoints))]
    public void Wgs84_converts_to_the_reference_gcj02_point(double lng, double lat, double gcjLng, double gcjLat)
    {
        var gcj = ChinaCoordinates.WgsToGcj(new GeoPoint(lng, lat));

        Assert.Equal(gcjLng, Math.Round(gcj.Lng, 6));
        Assert.Equal(gcjLat, Math.Round(gcj.Lat, 6));
    }

    [Theory]
    [MemberData(nameof(ReferencePoints))]
    public void Gcj02_converts_back_to_the_wgs84_point_within_a_centimetre(double lng, double lat, double gcjLng, double gcjLat)
    {
        var wgs = ChinaCoordinates.GcjToWgs(ChinaCoordinates.WgsToGcj(new GeoPoint(lng, lat)));

        Assert.InRange(Math.Abs(wgs.Lng - lng), 0, 1e-7);
        Assert.InRange(Math.Abs(wgs.Lat - lat), 0, 1e-7);
        Assert.True(gcjLng != 0 && gcjLat != 0);
    }

    [Fact]
    public void The_offset_inside_china_is_hundreds_of_metres_not_zero()
    {
        var wgs = new GeoPoint(116.377817, 39.911954);

        var gcj = ChinaCoordinates.WgsToGcj(wgs);

        Assert.InRange(gcj.Lng - wgs.Lng, 0.005, 0.007);
        Assert.InRange(gcj.Lat - wgs.Lat, 0.001, 0.002);
        Assert.Equal(wgs, ChinaCoordinates.FromGcj(wgs, GeoCrs.Gcj02));
    }
}

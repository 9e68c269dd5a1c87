namespace AiChat.Functions.Tests.Geo;

public sealed class PlaceRegistryTests
{
    [Fact]
    public void The_newest_200_places_are_kept_and_a_place_seen_again_counts_as_new()
    {
        var registry = new PlaceRegistry();
        for (var i = 0; i < 200; i++)
        {
            registry.Remember(Place(i));
        }

        registry.Remember(Place(0));
        registry.Remember(Place(200));

        Assert.Equal(200, registry.Count);
        Assert.NotNull(registry.Find("amap:0"));
        Assert.Null(registry.Find("amap:1"));
        Assert.NotNull(registry.Find("amap:200"));
    }

    private static RegisteredPlace Place(int i) => new($"amap:{i}", $"place {i}", null, null, null, new GeoPoint(116 + i / 1000.0, 39.9));
}

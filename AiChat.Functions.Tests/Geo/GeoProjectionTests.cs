using System.Text.Json.Nodes;

namespace AiChat.Functions.Tests.Geo;

/// <summary>The caps on what the model sees (docs/geo-assistant.md#what-the-model-sees).</summary>
public sealed class GeoProjectionTests
{
    [Fact]
    public void At_most_ten_items_are_listed_and_count_says_how_many()
    {
        var (content, count) = GeoProjection.List("places", [.. Enumerable.Range(1, 15).Select(i => new JsonObject { ["id"] = $"amap:{i}" })]);

        var root = JsonDocument.Parse(content).RootElement;
        Assert.Equal(10, count);
        Assert.Equal(10, root.GetProperty("count").GetInt32());
        Assert.Equal(10, root.GetProperty("places").GetArrayLength());
        Assert.Equal("amap", root.GetProperty("source").GetString());
    }

    [Fact]
    public void Items_are_dropped_from_the_end_until_the_result_fits_in_4_kb()
    {
        var long100 = new string('长', 100);
        var items = Enumerable.Range(1, 10).Select(i => new JsonObject { ["id"] = $"amap:{i}", ["name"] = long100, ["address"] = long100 }).ToList();

        var (content, count) = GeoProjection.List("places", items);

        Assert.InRange(Encoding.UTF8.GetByteCount(content), 3000, GeoProjection.MaxBytes);
        Assert.InRange(count, 1, 9);
        Assert.Equal(count, JsonDocument.Parse(content).RootElement.GetProperty("places").GetArrayLength());
        Assert.Equal("amap:1", JsonDocument.Parse(content).RootElement.GetProperty("places")[0].GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("肯德基\u0000(花家地店)\r\n", "肯德基(花家地店)")]
    [InlineData("\u202Eevil\u200B name\u2028", "evil name")]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void Provider_text_loses_control_and_format_characters(string? text, string? expected) =>
        Assert.Equal(expected, GeoText.Clean(text));

    [Fact]
    public void Provider_text_is_cut_to_100_characters_without_splitting_a_surrogate_pair()
    {
        Assert.Equal(new string('a', 100), GeoText.Clean(new string('a', 150)));

        var cut = GeoText.Clean(new string('a', 99) + "😀tail")!;
        Assert.Equal(new string('a', 99), cut);
        Assert.False(char.IsHighSurrogate(cut[^1]));
    }
}

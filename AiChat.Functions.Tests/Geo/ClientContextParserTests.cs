namespace AiChat.Functions.Tests.Geo;

public sealed class ClientContextParserTests
{
    [Fact]
    public void The_documented_example_is_read_field_by_field()
    {
        var ok = ClientContextParser.TryParse(
            Parse("""{"map_crs":"wgs84","location":{"lng":116.4811,"lat":39.9896,"crs":"wgs84","accuracy_m":35},"extra":1}"""),
            out var context, out var badField);

        Assert.True(ok);
        Assert.Null(badField);
        Assert.Equal(new ClientContext("wgs84", new GeoLocation(116.4811, 39.9896, "wgs84", 35)), context);
    }

    [Fact]
    public void Map_crs_defaults_to_gcj02_and_location_is_optional()
    {
        Assert.True(ClientContextParser.TryParse(Parse("{}"), out var context, out _));
        Assert.Equal(new ClientContext("gcj02", null), context);

        Assert.True(ClientContextParser.TryParse(Parse("""{"location":{"lng":1,"lat":2,"crs":"gcj02"}}"""), out context, out _));
        Assert.Equal(new GeoLocation(1, 2, "gcj02", null), context!.Location);
    }

    [Fact]
    public void Null_is_the_same_as_absent()
    {
        Assert.True(ClientContextParser.TryParse(Parse("null"), out var context, out var badField));
        Assert.Null(context);
        Assert.Null(badField);
    }

    [Theory]
    [InlineData("[]", "client_context")]
    [InlineData("\"gcj02\"", "client_context")]
    [InlineData("""{"map_crs":"bd09"}""", "client_context.map_crs")]
    [InlineData("""{"map_crs":1}""", "client_context.map_crs")]
    [InlineData("""{"location":"here"}""", "client_context.location")]
    [InlineData("""{"location":{"lat":39.9,"crs":"wgs84"}}""", "client_context.location.lng")]
    [InlineData("""{"location":{"lng":"116.4","lat":39.9,"crs":"wgs84"}}""", "client_context.location.lng")]
    [InlineData("""{"location":{"lng":180.5,"lat":39.9,"crs":"wgs84"}}""", "client_context.location.lng")]
    [InlineData("""{"location":{"lng":116.4,"lat":-90.1,"crs":"wgs84"}}""", "client_context.location.lat")]
    [InlineData("""{"location":{"lng":116.4,"lat":39.9}}""", "client_context.location.crs")]
    [InlineData("""{"location":{"lng":116.4,"lat":39.9,"crs":"WGS84"}}""", "client_context.location.crs")]
    [InlineData("""{"location":{"lng":116.4,"lat":39.9,"crs":"wgs84","accuracy_m":-1}}""", "client_context.location.accuracy_m")]
    [InlineData("""{"location":{"lng":116.4,"lat":39.9,"crs":"wgs84","accuracy_m":"35"}}""", "client_context.location.accuracy_m")]
    public void A_bad_value_names_its_field(string json, string field)
    {
        Assert.False(ClientContextParser.TryParse(Parse(json), out var context, out var badField));
        Assert.Null(context);
        Assert.Equal(field, badField);
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;
}

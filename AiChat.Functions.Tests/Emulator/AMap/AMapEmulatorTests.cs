namespace AiChat.Functions.Tests.Emulator.AMap;

/// <summary>The AMap emulator's wire shapes (docs/amap.md, docs/emulators.md#the-amap-emulator), read as raw JSON.</summary>
public sealed class AMapEmulatorTests(AMapEmulatorFixture fixture) : IClassFixture<AMapEmulatorFixture>
{
    [Fact]
    public async Task Live_weather_has_amaps_envelope_and_every_number_as_a_string()
    {
        var root = await GetAsync("v3/weather/weatherInfo?key=k&city=110000&extensions=base");

        Assert.Equal(("1", "OK", "10000", "1"), (S(root, "status"), S(root, "info"), S(root, "infocode"), S(root, "count")));
        var live = root.GetProperty("lives")[0];
        Assert.Equal(("北京", "北京市", "晴", "5", "26", "≤3", "5.0"),
            (S(live, "province"), S(live, "city"), S(live, "weather"), S(live, "temperature"), S(live, "humidity"), S(live, "windpower"), S(live, "temperature_float")));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", S(live, "reporttime"));
    }

    [Fact]
    public async Task A_forecast_has_four_casts_and_an_unknown_adcode_has_empty_lives()
    {
        var forecast = await GetAsync("v3/weather/weatherInfo?key=k&city=330100&extensions=all");
        var unknown = await GetAsync("v3/weather/weatherInfo?key=k&city=999999");

        Assert.Equal(4, forecast.GetProperty("forecasts")[0].GetProperty("casts").GetArrayLength());
        Assert.Equal("浙江", S(forecast.GetProperty("forecasts")[0], "province"));
        Assert.Equal(("1", 0), (S(unknown, "status"), unknown.GetProperty("lives").GetArrayLength()));
    }

    [Fact]
    public async Task A_poi_sends_empty_fields_as_empty_arrays_and_count_is_the_total_of_hits()
    {
        var root = await GetAsync("v3/place/text?key=k&keywords=咖啡&city=北京&citylimit=true&offset=1&page=1&extensions=all");

        Assert.Equal("2", S(root, "count"));
        var poi = Assert.Single(root.GetProperty("pois").EnumerateArray());
        Assert.Equal(JsonValueKind.Array, poi.GetProperty("tel").ValueKind);
        Assert.Equal(JsonValueKind.String, poi.GetProperty("location").ValueKind);
        Assert.Equal(JsonValueKind.Array, poi.GetProperty("biz_ext").GetProperty("cost").ValueKind);
        Assert.Equal(JsonValueKind.Array, poi.GetProperty("distance").ValueKind);
    }

    [Fact]
    public async Task Around_search_gives_distances_in_metres_as_strings_nearest_first()
    {
        var root = await GetAsync("v3/place/around?key=k&location=116.481,39.992&keywords=咖啡&radius=1000&sortrule=distance");

        var distances = root.GetProperty("pois").EnumerateArray().Select(p => double.Parse(S(p, "distance")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(distances);
        Assert.Equal(distances.Order(), distances);
        Assert.All(distances, d => Assert.InRange(d, 0, 1000));
    }

    [Fact]
    public async Task A_generic_keyword_without_a_city_gives_no_pois_and_the_cities_with_hits()
    {
        var root = await GetAsync("v3/place/text?key=k&keywords=肯德基");

        Assert.Equal(0, root.GetProperty("pois").GetArrayLength());
        var cities = root.GetProperty("suggestion").GetProperty("cities");
        Assert.Equal(3, cities.GetArrayLength());
        Assert.Equal(("北京市", "2", "010", "110000"), (S(cities[0], "name"), S(cities[0], "num"), S(cities[0], "citycode"), S(cities[0], "adcode")));
    }

    [Fact]
    public async Task The_first_input_tip_is_the_bare_keyword_without_id_or_location()
    {
        var root = await GetAsync("v3/assistant/inputtips?key=k&keywords=肯德基&city=北京&datatype=all");

        var tips = root.GetProperty("tips");
        Assert.Equal(("肯德基", JsonValueKind.Array, JsonValueKind.Array), (S(tips[0], "name"), tips[0].GetProperty("id").ValueKind, tips[0].GetProperty("location").ValueKind));
        Assert.Equal("116.469271,39.985568", S(tips[1], "location"));
        Assert.Equal(tips.GetArrayLength().ToString(System.Globalization.CultureInfo.InvariantCulture), S(root, "count"));
    }

    [Fact]
    public async Task Geocoding_a_name_of_two_places_gives_both_and_an_unresolvable_one_30001()
    {
        var both = await GetAsync("v3/geocode/geo?key=k&address=朝阳");
        var none = await GetAsync("v3/geocode/geo?key=k&address=火星基地");

        Assert.Equal("2", S(both, "count"));
        Assert.Contains(both.GetProperty("geocodes").EnumerateArray(), g => S(g, "city") == "朝阳市" && g.GetProperty("district").ValueKind == JsonValueKind.Array);
        Assert.Equal("""{"status":"0","info":"ENGINE_RESPONSE_DATA_ERROR","infocode":"30001"}""", none.GetRawText());
    }

    [Fact]
    public async Task Reverse_geocoding_a_municipality_leaves_city_empty_and_overseas_leaves_everything_empty()
    {
        var beijing = await GetAsync("v3/geocode/regeo?key=k&location=116.310518,39.991893");
        var tokyo = await GetAsync("v3/geocode/regeo?key=k&location=139.69171,35.6895");

        var component = beijing.GetProperty("regeocode").GetProperty("addressComponent");
        Assert.Equal(("北京市", JsonValueKind.Array, "海淀区"), (S(component, "province"), component.GetProperty("city").ValueKind, S(component, "district")));
        Assert.Equal("1", S(tokyo, "status"));
        Assert.All(tokyo.GetProperty("regeocode").GetProperty("addressComponent").EnumerateObject(), p => Assert.Equal(JsonValueKind.Array, p.Value.ValueKind));
    }

    [Fact]
    public async Task Coordinate_convert_answers_lowercase_ok_with_the_reference_point()
    {
        var root = await GetAsync("v3/assistant/coordinate/convert?key=k&locations=116.377817,39.911954&coordsys=gps");

        Assert.Equal("ok", S(root, "info"));
        var parts = S(root, "locations")!.Split(',').Select(p => Math.Round(double.Parse(p, System.Globalization.CultureInfo.InvariantCulture), 6)).ToList();
        Assert.Equal([116.384047, 39.913345], parts);
    }

    [Theory]
    [InlineData("10001", "INVALID_USER_KEY")]
    [InlineData("10009", "USERKEY_PLAT_NOMATCH")]
    [InlineData("10003", "DAILY_QUERY_OVER_LIMIT")]
    [InlineData("10044", "USER_DAILY_QUERY_OVER_LIMIT")]
    [InlineData("10020", "CKQPS_HAS_EXCEEDED_THE_LIMIT")]
    [InlineData("10021", "CUQPS_HAS_EXCEEDED_THE_LIMIT")]
    [InlineData("20000", "INVALID_PARAMS")]
    [InlineData("30001", "ENGINE_RESPONSE_DATA_ERROR")]
    public async Task A_fault_marker_answers_http_200_with_status_0_and_the_infocode(string infocode, string info)
    {
        using var client = new HttpClient { BaseAddress = fixture.Emulator.Address };

        using var response = await client.GetAsync(new Uri($"v3/geocode/geo?key=k&address=北京[[amap:{infocode}]]", UriKind.Relative));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal($$"""{"status":"0","info":"{{info}}","infocode":"{{infocode}}"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_request_without_a_key_is_refused_as_amap_does()
    {
        var root = await GetAsync("v3/geocode/geo?address=北京");

        Assert.Equal(("0", "10001"), (S(root, "status"), S(root, "infocode")));
    }

    [Fact]
    public async Task Requests_are_counted_and_kept_with_the_key_redacted()
    {
        var before = fixture.Emulator.ReceivedRequests;

        await GetAsync("v3/geocode/geo?key=secret-value&address=上海");

        await fixture.Emulator.WaitForReceivedRequestsAsync(before + 1, CancellationToken.None);
        var request = fixture.Emulator.Requests.Last(r => r.Parameters.GetValueOrDefault("address") == "上海");
        Assert.Equal("address=%E4%B8%8A%E6%B5%B7&key=*", request.RedactedQuery);
        Assert.True(request.HadKey);
    }

    private async Task<JsonElement> GetAsync(string pathAndQuery)
    {
        using var client = new HttpClient { BaseAddress = fixture.Emulator.Address };
        return JsonDocument.Parse(await client.GetStringAsync(new Uri(pathAndQuery, UriKind.Relative))).RootElement;
    }

    private static string? S(JsonElement element, string name) => element.GetProperty(name).GetString();
}

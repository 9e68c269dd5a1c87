using System.Text.Json.Nodes;

namespace AiChat.Functions.Tests.Geo;

/// <summary>The five tools over the AMap emulator: results for the model, events for the map, the place registry.</summary>
public sealed class GeoToolsTests(AMapEmulatorFixture fixture) : IClassFixture<AMapEmulatorFixture>
{
    private AMapEmulator Emulator => fixture.Emulator;

    [Fact]
    public void The_five_tools_are_declared_with_their_names_schemas_descriptions_and_labels()
    {
        using var geo = GeoHarness.Create(Emulator);

        Assert.Equal(["get_weather", "search_places", "suggest_places", "geocode", "show_on_map"], geo.Tools.Declarations.Select(d => d.Name));
        Assert.Equal(["city"], geo.Tools.Declarations[0].Parameters.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(50000, geo.Tools.Declarations[1].Parameters.GetProperty("properties").GetProperty("radius_m").GetProperty("maximum").GetInt32());
        Assert.Equal("查询中国城市（区县）的实况天气，或未来4天预报。", geo.Tools.Declarations[0].Description);
        Assert.Equal(["正在查询天气…", "正在搜索地点…", "正在查找候选地点…", "正在解析地址…", "正在更新地图…"], geo.Tools.Declarations.Select(d => d.Label));
        Assert.Null(geo.Tools.Find("read_file")?.Label);
    }

    [Fact]
    public void The_declarations_sent_upstream_are_the_contracts_word_for_word()
    {
        using var geo = GeoHarness.Create(Emulator);

        var declared = new JsonArray([.. geo.Tools.Declarations.Select(d => new JsonObject
        {
            ["type"] = "function",
            ["function"] = new JsonObject { ["name"] = d.Name, ["description"] = d.Description, ["parameters"] = JsonNode.Parse(d.Parameters.GetRawText()) },
        })]);

        Assert.Equal(Compact(ContractDeclarations), Compact(declared.ToJsonString()));
    }

    [Fact]
    public async Task The_seeds_question_gets_beijings_weather_as_a_card_and_a_result_without_kind()
    {
        using var geo = GeoHarness.Create(Emulator);

        var result = await geo.CallAsync("get_weather", """{"city":"北京"}""");

        Assert.True(result.Succeeded);
        Assert.Equal(1, result.ResultCount);
        var content = JsonDocument.Parse(result.ContentForModel).RootElement;
        Assert.Equal("amap", content.GetProperty("source").GetString());
        Assert.Equal("北京市", content.GetProperty("city").GetString());
        Assert.Equal("110000", content.GetProperty("adcode").GetString());
        Assert.Equal("晴", content.GetProperty("live").GetProperty("weather").GetString());
        Assert.Equal(5.0, content.GetProperty("live").GetProperty("temperature_c").GetDouble());
        Assert.Equal(26, content.GetProperty("live").GetProperty("humidity_pct").GetDouble());
        Assert.Equal("≤3", content.GetProperty("live").GetProperty("wind_power").GetString());
        Assert.EndsWith("+08:00", content.GetProperty("live").GetProperty("report_time").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, content.GetProperty("forecast").GetArrayLength());
        Assert.False(content.TryGetProperty("kind", out _));

        var card = Assert.Single(result.Events);
        Assert.Equal("geo_card", card.Type);
        Assert.Equal("weather", card.Fields.GetProperty("card").GetProperty("kind").GetString());
        Assert.Equal("北京市", card.Fields.GetProperty("card").GetProperty("city").GetString());
    }

    [Fact]
    public async Task A_forecast_brings_four_days_and_an_adcode_skips_geocoding()
    {
        using var geo = GeoHarness.Create(Emulator);
        var before = Emulator.Requests.Count;

        var result = await geo.CallAsync("get_weather", """{"city":"310000","forecast":"true"}""");

        var forecast = JsonDocument.Parse(result.ContentForModel).RootElement.GetProperty("forecast");
        Assert.Equal(4, forecast.GetArrayLength());
        Assert.Equal(11, forecast[0].GetProperty("max_c").GetDouble());
        Assert.Equal("小雨", forecast[0].GetProperty("night").GetString());
        Assert.All(Emulator.Requests.Skip(before), r => Assert.Equal("/v3/weather/weatherInfo", r.Path));
    }

    [Fact]
    public async Task A_search_gives_places_without_coordinates_to_the_model_and_markers_then_bounds_to_the_map()
    {
        using var geo = GeoHarness.Create(Emulator);

        var result = await geo.CallAsync("search_places", """{"keywords":"肯德基","city":"北京"}""");

        Assert.True(result.Succeeded);
        Assert.Equal(2, result.ResultCount);
        var places = JsonDocument.Parse(result.ContentForModel).RootElement.GetProperty("places");
        Assert.Equal("amap:B000A7BM4H", places[0].GetProperty("id").GetString());
        Assert.Equal("北京市朝阳区", places[0].GetProperty("district").GetString());
        Assert.Equal(4.5, places[0].GetProperty("rating").GetDouble());
        Assert.False(places[1].TryGetProperty("rating", out _));
        Assert.DoesNotContain("116.", result.ContentForModel, StringComparison.Ordinal);
        Assert.DoesNotContain("location", result.ContentForModel, StringComparison.Ordinal);

        Assert.Equal(["call_1:1", "call_1:2"], result.Events.Select(e => e.Fields.GetProperty("action_id").GetString()));
        var markers = result.Events[0].Fields.GetProperty("action");
        Assert.Equal("add_markers", markers.GetProperty("kind").GetString());
        Assert.Equal("search", markers.GetProperty("layer").GetString());
        Assert.True(markers.GetProperty("replace").GetBoolean());
        Assert.Equal("[116.469271,39.985568]", markers.GetProperty("markers")[0].GetProperty("position").GetRawText());
        Assert.Equal("050301", markers.GetProperty("markers")[0].GetProperty("category").GetString());
        Assert.Equal(2, markers.GetProperty("markers")[1].GetProperty("rank").GetInt32());
        Assert.Equal("gcj02", result.Events[0].Fields.GetProperty("crs").GetString());
        var bounds = result.Events[1].Fields.GetProperty("action");
        Assert.Equal("fit_bounds", bounds.GetProperty("kind").GetString());
        Assert.Equal("[[116.469271,39.975437],[116.490377,39.985568]]", bounds.GetProperty("bounds").GetRawText());
    }

    [Fact]
    public async Task A_wgs84_map_gets_converted_positions_and_says_so()
    {
        using var geo = GeoHarness.Create(Emulator);
        var turn = await geo.BeginTurnAsync(context: new ClientContext("wgs84", null));

        var result = await geo.CallAsync("search_places", """{"keywords":"故宫","city":"北京"}""", turn);

        var expected = ChinaCoordinates.GcjToWgs(new GeoPoint(116.397029, 39.917839));
        var flyTo = result.Events[1].Fields;
        Assert.Equal("wgs84", flyTo.GetProperty("crs").GetString());
        Assert.Equal("fly_to", flyTo.GetProperty("action").GetProperty("kind").GetString());
        Assert.Equal(16, flyTo.GetProperty("action").GetProperty("zoom").GetInt32());
        var center = flyTo.GetProperty("action").GetProperty("center");
        Assert.Equal(Math.Round(expected.Lng, 6), center[0].GetDouble());
        Assert.Equal(Math.Round(expected.Lat, 6), center[1].GetDouble());
        Assert.NotEqual(116.397029, center[0].GetDouble());
    }

    [Fact]
    public async Task Near_me_searches_around_the_users_position_in_gcj02_and_gives_distances()
    {
        using var geo = GeoHarness.Create(Emulator);
        var user = ChinaCoordinates.GcjToWgs(new GeoPoint(116.481, 39.992));
        var turn = await geo.BeginTurnAsync(context: new ClientContext("gcj02", new GeoLocation(user.Lng, user.Lat, "wgs84", 20)));

        var result = await geo.CallAsync("search_places", """{"keywords":"咖啡馆","near_me":true,"radius_m":1000,"limit":"3"}""", turn);

        var around = Emulator.Requests.Last(r => r.Path == "/v3/place/around");
        Assert.Equal("116.481,39.992", around.Parameters["location"]);
        Assert.Equal("3", around.Parameters["offset"]);
        var places = JsonDocument.Parse(result.ContentForModel).RootElement.GetProperty("places");
        Assert.Equal("amap:B0FFHJ2K1L", places[0].GetProperty("id").GetString());
        Assert.InRange(places[0].GetProperty("distance_m").GetDouble(), 1, 1000);
        Assert.False(places[0].TryGetProperty("address", out _));
        Assert.Equal("用户当前位于北京市朝阳区。", turn.LocationNote);
    }

    [Fact]
    public async Task The_location_note_comes_from_one_cached_reverse_geocode_and_overseas_gives_none()
    {
        using var geo = GeoHarness.Create(Emulator);
        var inHaidian = new ClientContext("gcj02", new GeoLocation(116.3101, 39.9921, "gcj02", null));

        var first = await geo.BeginTurnAsync(context: inHaidian);
        var regeos = Emulator.Requests.Count(r => r.Path == "/v3/geocode/regeo");
        var second = await geo.BeginTurnAsync(context: inHaidian with { Location = inHaidian.Location! with { Lng = 116.3102 } });
        var tokyo = await geo.BeginTurnAsync(context: new ClientContext("gcj02", new GeoLocation(139.69171, 35.6895, "wgs84", null)));

        Assert.Equal("用户当前位于北京市海淀区。", first.LocationNote);
        Assert.Equal(first.LocationNote, second.LocationNote);
        Assert.Equal(regeos + 1, Emulator.Requests.Count(r => r.Path == "/v3/geocode/regeo"));
        Assert.Null(tokyo.LocationNote);
        Assert.Null((await geo.BeginTurnAsync()).LocationNote);
    }

    [Fact]
    public async Task Suggestions_drop_tips_without_a_position_and_send_no_events()
    {
        using var geo = GeoHarness.Create(Emulator);

        var result = await geo.CallAsync("suggest_places", """{"keywords":"肯德基","city":"北京"}""");

        var suggestions = JsonDocument.Parse(result.ContentForModel).RootElement.GetProperty("suggestions");
        Assert.Equal(2, suggestions.GetArrayLength());
        Assert.All(suggestions.EnumerateArray(), s => Assert.StartsWith("amap:B", s.GetProperty("id").GetString(), StringComparison.Ordinal));
        Assert.Equal("北京市朝阳区", suggestions[0].GetProperty("district").GetString());
        Assert.Empty(result.Events);
        Assert.Equal(2, result.ResultCount);
    }

    [Fact]
    public async Task Geocoding_an_ambiguous_name_gives_each_match_and_bounds_around_them()
    {
        using var geo = GeoHarness.Create(Emulator);

        var result = await geo.CallAsync("geocode", """{"address":"朝阳"}""");

        var results = JsonDocument.Parse(result.ContentForModel).RootElement.GetProperty("results");
        Assert.Equal(2, results.GetArrayLength());
        Assert.Contains(results.EnumerateArray(), r => r.GetProperty("city").GetString() == "朝阳市" && !r.TryGetProperty("district", out _));
        Assert.Equal(["add_markers", "fit_bounds"], result.Events.Select(e => e.Fields.GetProperty("action").GetProperty("kind").GetString()));
        Assert.Equal("geocode", result.Events[0].Fields.GetProperty("action").GetProperty("layer").GetString());
    }

    [Fact]
    public async Task Geocoding_a_street_address_flies_close_and_names_the_place_by_its_position()
    {
        using var geo = GeoHarness.Create(Emulator);

        var result = await geo.CallAsync("geocode", """{"address":"北京市朝阳区阜通东大街6号"}""");

        var only = JsonDocument.Parse(result.ContentForModel).RootElement.GetProperty("results")[0];
        Assert.Equal("amap:geo:116.483038,39.990633", only.GetProperty("id").GetString());
        Assert.Equal("门牌号", only.GetProperty("level").GetString());
        Assert.Equal(17, result.Events[1].Fields.GetProperty("action").GetProperty("zoom").GetInt32());
    }

    [Fact]
    public async Task Show_on_map_resolves_ids_of_the_same_session_only_and_reports_the_unknown_ones()
    {
        using var geo = GeoHarness.Create(Emulator);
        await geo.CallAsync("search_places", """{"keywords":"肯德基","city":"北京"}""", await geo.BeginTurnAsync("session-a"));
        var laterTurn = await geo.BeginTurnAsync("session-a");

        var shown = await geo.CallAsync("show_on_map", """{"place_ids":["amap:B000A7BM4H","amap:B000A7C99U","amap:made-up"]}""", laterTurn);
        var otherSession = await geo.CallAsync("show_on_map", """{"place_ids":["amap:B000A7BM4H"]}""", await geo.BeginTurnAsync("session-b"));

        Assert.Equal("""{"shown":2,"unknown_ids":["amap:made-up"]}""", shown.ContentForModel);
        Assert.Equal(2, shown.ResultCount);
        Assert.Equal("assistant", shown.Events[0].Fields.GetProperty("action").GetProperty("layer").GetString());
        Assert.Equal("fit_bounds", shown.Events[1].Fields.GetProperty("action").GetProperty("kind").GetString());
        Assert.Equal("invalid_arguments", otherSession.ErrorCode);
    }

    [Fact]
    public async Task Show_on_map_focus_adds_the_marker_flies_to_it_and_highlights_it()
    {
        using var geo = GeoHarness.Create(Emulator);
        var turn = await geo.BeginTurnAsync();
        await geo.CallAsync("geocode", """{"address":"北京市朝阳区阜通东大街6号"}""", turn);

        var result = await geo.CallAsync("show_on_map", """{"place_ids":["amap:geo:116.483038,39.990633"],"mode":"focus"}""", turn);

        Assert.Equal(["add_markers", "fly_to", "highlight"], result.Events.Select(e => e.Fields.GetProperty("action").GetProperty("kind").GetString()));
        Assert.Equal(17, result.Events[1].Fields.GetProperty("action").GetProperty("zoom").GetInt32());
        Assert.Equal("amap:geo:116.483038,39.990633", result.Events[2].Fields.GetProperty("action").GetProperty("id").GetString());
    }

    [Fact]
    public async Task An_instruction_like_poi_name_reaches_the_model_only_as_the_value_of_a_name_field()
    {
        using var geo = GeoHarness.Create(Emulator);

        var result = await geo.CallAsync("search_places", """{"keywords":"餐厅","city":"北京","limit":10}""");

        var places = JsonDocument.Parse(result.ContentForModel).RootElement.GetProperty("places").EnumerateArray().ToList();
        var injected = Assert.Single(places, p => p.GetProperty("id").GetString() == "amap:" + AMapEmulator.InstructionLikePoiId);
        Assert.Equal(AMapEmulator.InstructionLikePoiName, injected.GetProperty("name").GetString());
        Assert.All(places, p => Assert.Subset(
            new HashSet<string> { "id", "name", "address", "district", "type", "distance_m", "rating" },
            p.EnumerateObject().Select(property => property.Name).ToHashSet()));
        var at = result.ContentForModel.IndexOf(AMapEmulator.InstructionLikePoiName, StringComparison.Ordinal);
        Assert.EndsWith("\"name\":\"", result.ContentForModel[..at], StringComparison.Ordinal);
        Assert.Equal(1, result.ContentForModel.Split(AMapEmulator.InstructionLikePoiName).Length - 1);
    }

    [Theory]
    [InlineData("search_places", "{}", "参数无效：keywords 是必填项")]
    [InlineData("search_places", """{"keywords":""}""", "参数无效：keywords 必须是1到80个字符的字符串")]
    [InlineData("search_places", """{"keywords":"咖啡","near_me":"yes"}""", "参数无效：near_me 必须是布尔值")]
    [InlineData("search_places", """{"keywords":"咖啡","limit":2.5}""", "参数无效：limit 必须是整数")]
    [InlineData("search_places", """{"keywords":"咖啡","near_me":true}""", "参数无效：near_me 需要用户位置，但请求没有提供 client_context.location")]
    [InlineData("get_weather", """{"city":"12345"}""", "参数无效：city 必须是城市名或6位adcode")]
    [InlineData("get_weather", """{"city":42}""", "参数无效：city 必须是1到40个字符的字符串")]
    [InlineData("geocode", "{\"address\":", "参数无效：arguments 不是有效的JSON")]
    [InlineData("geocode", "[1]", "参数无效：arguments 必须是JSON对象")]
    [InlineData("show_on_map", """{"place_ids":[]}""", "参数无效：place_ids 必须是1到20个字符串的数组")]
    [InlineData("show_on_map", """{"place_ids":["amap:x"],"mode":"zoom"}""", "参数无效：mode 必须是 markers 或 focus")]
    public async Task Bad_arguments_fail_with_invalid_arguments_before_amap_is_asked(string tool, string arguments, string message)
    {
        using var geo = GeoHarness.Create(Emulator);
        var before = Emulator.ReceivedRequests;

        var result = await geo.CallAsync(tool, arguments);

        Assert.False(result.Succeeded);
        Assert.Equal("invalid_arguments", result.ErrorCode);
        Assert.Equal($$"""{"error":"invalid_arguments","message":"{{message}}"}""", result.ContentForModel);
        Assert.Empty(result.Events);
        Assert.Equal(before, Emulator.ReceivedRequests);
    }

    [Fact]
    public async Task Out_of_range_numbers_are_clamped_and_an_empty_arguments_string_is_an_empty_object()
    {
        using var geo = GeoHarness.Create(Emulator);

        await geo.CallAsync("search_places", """{"keywords":"  肯德基  ","limit":99,"radius_m":5,"unknown":true}""");
        var empty = await geo.CallAsync("get_weather", "");

        var text = Emulator.Requests.Last(r => r.Path == "/v3/place/text");
        Assert.Equal("10", text.Parameters["offset"]);
        Assert.Equal("肯德基", text.Parameters["keywords"]);
        Assert.Equal("参数无效：city 是必填项", JsonDocument.Parse(empty.ContentForModel).RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_unknown_tool_fails_as_unknown_tool()
    {
        using var geo = GeoHarness.Create(Emulator);

        var result = await geo.CallAsync("read_file", "{}");

        Assert.Equal(("unknown_tool", """{"error":"unknown_tool","message":"没有这个工具"}"""), (result.ErrorCode, result.ContentForModel));
    }

    /// <summary>docs/geo-assistant.md#the-five-tools, as the tool declarations were written before each tool held its own.</summary>
    private const string ContractDeclarations = """
        [
         {"type":"function","function":{"name":"get_weather",
          "description":"查询中国城市（区县）的实况天气，或未来4天预报。",
          "parameters":{"type":"object","properties":{
            "city":{"type":"string","description":"城市或区县名，如 北京市、杭州市西湖区；或6位adcode，如 110105"},
            "forecast":{"type":"boolean","description":"true 时同时返回未来4天预报；默认 false，只返回实况"}},
           "required":["city"]}}},
         {"type":"function","function":{"name":"search_places",
          "description":"按关键词搜索地点(POI)。near_me=true 时以用户当前位置为中心搜索周边。",
          "parameters":{"type":"object","properties":{
            "keywords":{"type":"string","description":"关键词，如 咖啡馆、故宫"},
            "city":{"type":"string","description":"城市名或adcode，可选；给出时只在该城市内搜索"},
            "near_me":{"type":"boolean","description":"是否以用户当前位置为中心搜索周边，默认 false"},
            "radius_m":{"type":"integer","minimum":100,"maximum":50000,"description":"周边半径（米），默认3000"},
            "limit":{"type":"integer","minimum":1,"maximum":10,"description":"返回数量，默认5"}},
           "required":["keywords"]}}},
         {"type":"function","function":{"name":"suggest_places",
          "description":"根据不完整或有歧义的地名给出候选地点（输入提示），用于消除歧义。",
          "parameters":{"type":"object","properties":{
            "keywords":{"type":"string","description":"不完整的地名或关键词"},
            "city":{"type":"string","description":"城市名或adcode，可选"}},
           "required":["keywords"]}}},
         {"type":"function","function":{"name":"geocode",
          "description":"把地址或地标名称转换为坐标和行政区。",
          "parameters":{"type":"object","properties":{
            "address":{"type":"string","description":"地址或地标名，如 北京市朝阳区阜通东大街6号"},
            "city":{"type":"string","description":"城市名或adcode，可选"}},
           "required":["address"]}}},
         {"type":"function","function":{"name":"show_on_map",
          "description":"在用户的地图上展示之前工具结果中的地点。只能使用之前结果里的 id。",
          "parameters":{"type":"object","properties":{
            "place_ids":{"type":"array","items":{"type":"string"},"minItems":1,"maxItems":20,"description":"之前结果中的地点 id"},
            "mode":{"type":"string","enum":["markers","focus"],"description":"markers=标出全部（默认）；focus=聚焦第一个"}},
           "required":["place_ids"]}}}
        ]
        """;

    /// <summary>The JSON without whitespace, property order and escaping as written.</summary>
    private static string Compact(string json) =>
        JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}

using System.Net.Sockets;

namespace AiChat.Functions.Tests.Geo;

/// <summary>Each AMap error class of docs/amap.md#error-codes and docs/geo-assistant.md#failures becomes a failed result the model can explain, never an exception.</summary>
public sealed class GeoToolErrorTests(AMapEmulatorFixture fixture) : IClassFixture<AMapEmulatorFixture>
{
    private AMapEmulator Emulator => fixture.Emulator;

    [Theory]
    [InlineData("10001", "provider_error", "地图服务暂时不可用")]
    [InlineData("10009", "provider_error", "地图服务暂时不可用")]
    [InlineData("10044", "quota_exceeded", "地图服务查询次数已用完或过于频繁，请稍后再试")]
    [InlineData("10003", "quota_exceeded", "地图服务查询次数已用完或过于频繁，请稍后再试")]
    [InlineData("40000", "quota_exceeded", "地图服务查询次数已用完或过于频繁，请稍后再试")]
    [InlineData("20000", "invalid_arguments", "参数无效")]
    [InlineData("20001", "provider_error", "地图服务暂时不可用")]
    [InlineData("30002", "provider_error", "地图服务暂时不可用")]
    [InlineData("12345", "provider_error", "地图服务暂时不可用")]
    public async Task An_infocode_becomes_its_error_code_with_a_fixed_message(string infocode, string errorCode, string message)
    {
        using var geo = GeoHarness.Create(Emulator);
        var keywords = $"咖啡{Guid.NewGuid():N}"[..10] + $"[[amap:{infocode}]]";

        var result = await geo.CallAsync("search_places", $$"""{"keywords":"{{keywords}}"}""");

        Assert.False(result.Succeeded);
        Assert.Equal(errorCode, result.ErrorCode);
        Assert.Equal($$"""{"error":"{{errorCode}}","message":"{{message}}"}""", result.ContentForModel);
        Assert.Empty(result.Events);
        Assert.Single(Emulator.Requests, r => r.Parameters.GetValueOrDefault("keywords") == keywords[..10]);
    }

    [Theory]
    [InlineData("10020")]
    [InlineData("10021")]
    [InlineData("10004")]
    [InlineData("20003")]
    public async Task A_rate_or_overload_code_is_tried_once_more_then_reported(string infocode)
    {
        using var geo = GeoHarness.Create(Emulator);
        var keywords = Unique("故宫");

        var result = await geo.CallAsync("search_places", $$"""{"keywords":"{{keywords}}[[amap:{{infocode}}]]"}""");

        Assert.Equal(infocode == "20003" ? "provider_error" : "quota_exceeded", result.ErrorCode);
        Assert.Equal(2, Emulator.Requests.Count(r => r.Parameters.GetValueOrDefault("keywords") == keywords));
    }

    [Fact]
    public async Task A_rate_code_that_clears_on_the_retry_gives_the_answer()
    {
        using var geo = GeoHarness.Create(Emulator);

        var result = await geo.CallAsync("search_places", """{"keywords":"故宫[[amap:retry-10020]]","city":"北京"}""");

        Assert.True(result.Succeeded);
        Assert.Equal(1, result.ResultCount);
    }

    [Fact]
    public async Task A_spent_daily_quota_stops_further_requests_until_midnight()
    {
        using var geo = GeoHarness.Create(Emulator);
        await geo.CallAsync("search_places", """{"keywords":"故宫[[amap:10003]]"}""");
        var before = Emulator.ReceivedRequests;

        var next = await geo.CallAsync("get_weather", """{"city":"110000"}""");

        Assert.Equal("quota_exceeded", next.ErrorCode);
        Assert.Equal(before, Emulator.ReceivedRequests);
    }

    [Fact]
    public async Task Unresolvable_text_is_no_result_in_the_tools_normal_shape_and_the_search_layer_is_cleared()
    {
        using var geo = GeoHarness.Create(Emulator);

        var search = await geo.CallAsync("search_places", """{"keywords":"不存在的地方[[amap:30001]]"}""");
        var nothing = await geo.CallAsync("search_places", """{"keywords":"不存在的地方","city":"北京"}""");
        var geocode = await geo.CallAsync("geocode", """{"address":"火星基地"}""");
        var weather = await geo.CallAsync("get_weather", """{"city":"火星"}""");

        Assert.Equal(("no_result", """{"source":"amap","count":0,"places":[]}"""), (search.ErrorCode, search.ContentForModel));
        Assert.Equal("""{"kind":"remove_markers","layer":"search"}""", Assert.Single(search.Events).Fields.GetProperty("action").GetRawText());
        Assert.Equal(("no_result", """{"source":"amap","count":0,"places":[]}"""), (nothing.ErrorCode, nothing.ContentForModel));
        Assert.Equal(("no_result", """{"source":"amap","count":0,"results":[]}"""), (geocode.ErrorCode, geocode.ContentForModel));
        Assert.Equal("no_result", weather.ErrorCode);
        Assert.Empty(weather.Events);
    }

    [Fact]
    public async Task A_generic_keyword_without_a_city_lists_the_cities_that_have_it()
    {
        using var geo = GeoHarness.Create(Emulator);

        var result = await geo.CallAsync("search_places", """{"keywords":"肯德基"}""");

        var content = JsonDocument.Parse(result.ContentForModel).RootElement;
        Assert.Equal("no_result", result.ErrorCode);
        Assert.Equal(["北京市", "上海市", "杭州市"], content.GetProperty("suggested_cities").EnumerateArray().Select(c => c.GetString()));
    }

    [Theory]
    [InlineData("http-502")]
    [InlineData("http-404")]
    [InlineData("not-json")]
    public async Task An_http_error_or_a_body_that_is_not_json_is_a_provider_error(string fault)
    {
        using var geo = GeoHarness.Create(Emulator);

        var result = await geo.CallAsync("geocode", $$"""{"address":"{{Unique("朝阳")}}[[amap:{{fault}}]]"}""");

        Assert.Equal(("provider_error", """{"error":"provider_error","message":"地图服务暂时不可用"}"""), (result.ErrorCode, result.ContentForModel));
    }

    [Fact]
    public async Task A_slow_answer_is_a_timeout()
    {
        using var geo = GeoHarness.Create(Emulator, requestTimeout: TimeSpan.FromMilliseconds(200));

        var result = await geo.CallAsync("geocode", $$"""{"address":"{{Unique("朝阳")}}[[amap:delay-ms-5000]]"}""");

        Assert.Equal(("timeout", """{"error":"timeout","message":"地图服务超时"}"""), (result.ErrorCode, result.ContentForModel));
    }

    [Fact]
    public async Task The_tool_budget_bounds_the_call_as_a_whole()
    {
        using var geo = GeoHarness.Create(Emulator, requestTimeout: TimeSpan.FromSeconds(3), toolTimeout: TimeSpan.FromMilliseconds(200));

        var result = await geo.CallAsync("get_weather", $$"""{"city":"{{Unique("北京")}}[[amap:delay-ms-5000]]"}""");

        Assert.Equal("timeout", result.ErrorCode);
    }

    [Fact]
    public async Task The_callers_cancellation_stays_cancellation()
    {
        using var geo = GeoHarness.Create(Emulator);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var turn = await geo.BeginTurnAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => geo.CallAsync(
            "geocode", $$"""{"address":"{{Unique("朝阳")}}[[amap:delay-ms-5000]]"}""", turn, cancel.Token));
    }

    [Fact]
    public async Task An_unreachable_service_is_a_provider_error()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var geo = GeoHarness.Create(new Uri($"http://127.0.0.1:{port}/"));

        var result = await geo.CallAsync("geocode", """{"address":"朝阳"}""");

        Assert.Equal("provider_error", result.ErrorCode);
    }

    [Fact]
    public async Task More_requests_per_second_than_the_key_may_make_are_answered_10020()
    {
        await using var strict = await AMapEmulator.StartAsync(new AMapEmulatorOptions { QpsPerKey = 1 });
        using var client = new HttpClient { BaseAddress = strict.Address };

        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.GetStringAsync("v3/geocode/geo?key=k&address=北京")));

        Assert.Contains(answers, a => a.Contains("\"infocode\":\"10020\"", StringComparison.Ordinal));
        Assert.Contains(answers, a => a.Contains("\"status\":\"1\"", StringComparison.Ordinal));
    }

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];
}

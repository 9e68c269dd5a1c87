using AiChat.Core.Geo.AMap;

namespace AiChat.Functions.Tests.Geo;

/// <summary>AMap takes its key in the URL; it must appear in no log line, result, event or exception (docs/amap.md#keeping-the-key-secret).</summary>
public sealed class AMapKeySecrecyTests(AMapEmulatorFixture fixture) : IClassFixture<AMapEmulatorFixture>
{
    [Fact]
    public async Task The_key_is_sent_to_amap_but_appears_in_no_log_line_result_or_event_whatever_happens()
    {
        using var geo = GeoHarness.Create(fixture.Emulator, requestTimeout: TimeSpan.FromMilliseconds(300));
        var turn = await geo.BeginTurnAsync("s", new ClientContext("wgs84", new GeoLocation(116.475, 39.99, "wgs84", null)));
        List<GeoToolResult> results = [];
        foreach (var fault in new[] { "10001", "10003", "10020", "20000", "30001", "http-500", "not-json", "delay-ms-2000", "12345" })
        {
            results.Add(await geo.CallAsync("geocode", $$"""{"address":"北京{{fault}}[[amap:{{fault}}]]"}""", turn));
        }

        using var healthy = GeoHarness.Create(fixture.Emulator);
        results.Add(await healthy.CallAsync("get_weather", """{"city":"北京","forecast":true}""", turn));
        results.Add(await healthy.CallAsync("search_places", """{"keywords":"咖啡","near_me":true}""", turn));

        Assert.Contains(fixture.Emulator.Requests, r => r.HadKey);
        Assert.NotEmpty(geo.Log.Lines);
        Assert.Contains(geo.Log.Lines, line => line.Contains("/v3/geocode/geo", StringComparison.Ordinal));
        Assert.All(geo.Log.Lines.Concat(healthy.Log.Lines), line => Assert.DoesNotContain(GeoHarness.Key, line, StringComparison.Ordinal));
        Assert.All(results, r => Assert.DoesNotContain(GeoHarness.Key, r.ContentForModel, StringComparison.Ordinal));
        Assert.All(results.SelectMany(r => r.Events), e => Assert.DoesNotContain(GeoHarness.Key, e.Fields.GetRawText(), StringComparison.Ordinal));
        Assert.All(fixture.Emulator.Requests, r => Assert.DoesNotContain(GeoHarness.Key, r.RedactedQuery, StringComparison.Ordinal));
        Assert.All(results[..9], r => Assert.False(r.Succeeded));
        Assert.All(results[9..], r => Assert.True(r.Succeeded));
    }

    [Fact]
    public async Task The_emulators_journal_keeps_the_request_but_not_the_key()
    {
        using var geo = GeoHarness.Create(fixture.Emulator);

        await geo.CallAsync("geocode", """{"address":"杭州市西湖区"}""");

        var request = fixture.Emulator.Requests.Last(r => r.Path == "/v3/geocode/geo");
        Assert.True(request.HadKey);
        Assert.Contains("key=*", request.RedactedQuery, StringComparison.Ordinal);
        Assert.False(request.Parameters.ContainsKey("key"));
    }

    [Theory]
    [InlineData("https://restapi.amap.com/v3/geocode/geo?address=x&key=abc123&sig=s1", "https://restapi.amap.com/v3/geocode/geo?address=x&key=*&sig=*")]
    [InlineData("GET /v3/weather/weatherInfo?KEY=abc123 HTTP/1.1", "GET /v3/weather/weatherInfo?KEY=* HTTP/1.1")]
    [InlineData("{\"url\":\"/v3/x?key=abc123\"}", "{\"url\":\"/v3/x?key=*\"}")]
    [InlineData("monkey=banana", "monkey=banana")]
    public void Redaction_takes_key_and_sig_values_out_of_any_text(string text, string expected) =>
        Assert.Equal(expected, AMapRedaction.Redact(text));

    [Fact]
    public async Task An_exception_from_an_unreachable_service_does_not_carry_the_key()
    {
        using var http = AMapHttpClient.Create(new FixedKey(GeoHarness.Key));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri("http://127.0.0.1:9/v3/geocode/geo?address=x")));

        Assert.DoesNotContain(GeoHarness.Key, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(GeoHarness.Key, JsonSerializer.Serialize(error.Message), StringComparison.Ordinal);
    }

    private sealed class FixedKey(string key) : IAMapKeySource
    {
        public ValueTask<string> GetKeyAsync(CancellationToken cancellationToken) => ValueTask.FromResult(key);
    }
}

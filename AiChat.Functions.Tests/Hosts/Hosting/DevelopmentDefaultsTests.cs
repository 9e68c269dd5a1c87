namespace AiChat.Functions.Tests.Hosts.Hosting;

/// <summary>
/// Development without a DashScope or an AMap key: the self-host runs against its embedded emulators, and says so;
/// with the geo assistant off, against the DashScope one only.
/// </summary>
public sealed class DevelopmentDefaultsTests(DevelopmentServer development) : IClassFixture<DevelopmentServer>
{
    [Fact]
    public async Task Development_without_a_key_runs_against_the_embedded_emulator_and_says_so()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var client = new HttpClient { BaseAddress = development.Server.Address };

        using var health = await client.GetAsync("/health", patience.Token);
        using var answer = await client.PostAsync("/api/chat/completions", Json.ChatBody("ping"), patience.Token);
        using var stream = await client.PostAsync("/api/chat/stream", Json.ChatBody("ping"), patience.Token);

        Assert.Equal("emulator", (await Json.ReadAsync(health)).GetProperty("upstream").GetProperty("kind").GetString());
        Assert.Equal("You said: ping", (await Json.ReadAsync(answer)).GetProperty("content").GetString());
        Assert.Equal("[DONE]", (await SseReader.ReadAllAsync(stream, patience.Token))[^1].Data);
        Assert.Contains(development.Server.LogLines, line => line.Contains("embedded DashScope emulator", StringComparison.Ordinal));
    }

    [Fact]
    public void Development_without_an_amap_key_runs_the_embedded_amap_emulator_and_says_so() =>
        Assert.Contains(development.Server.LogLines, line => line.Contains("embedded AMap emulator", StringComparison.Ordinal));

    [Fact]
    public async Task Geo_assistant_off_starts_no_amap_emulator()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        await using var server = await ServerProcess.StartAsync("Development", new Dictionary<string, string?> { ["GEO_ASSISTANT"] = "off" }, patience.Token);

        Assert.DoesNotContain(server.LogLines, line => line.Contains("AMap emulator", StringComparison.Ordinal));
        Assert.Contains(server.LogLines, line => line.Contains("embedded DashScope emulator", StringComparison.Ordinal));
    }
}

namespace AiChat.Functions.Tests.Hosts.Hosting;

public sealed class GeoHostingTests
{
    [Fact]
    public async Task Development_without_an_amap_key_runs_the_embedded_amap_emulator_and_says_so()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        await using var server = await ServerProcess.StartAsync("Development", new Dictionary<string, string?>(), patience.Token);

        Assert.Contains(server.LogLines, line => line.Contains("embedded AMap emulator", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Geo_assistant_off_starts_no_amap_emulator()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        await using var server = await ServerProcess.StartAsync("Development", new Dictionary<string, string?> { ["GEO_ASSISTANT"] = "off" }, patience.Token);

        Assert.DoesNotContain(server.LogLines, line => line.Contains("AMap emulator", StringComparison.Ordinal));
        Assert.Contains(server.LogLines, line => line.Contains("embedded DashScope emulator", StringComparison.Ordinal));
    }
}

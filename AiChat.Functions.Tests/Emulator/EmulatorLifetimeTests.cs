using System.Net.Sockets;

namespace AiChat.Functions.Tests.Emulator;

public sealed class EmulatorLifetimeTests
{
    [Fact]
    public async Task The_emulator_binds_the_requested_loopback_port_and_exposes_both_base_urls()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        await using var emulator = await DashScopeEmulator.StartAsync(new EmulatorOptions { Port = port });

        Assert.Equal(new Uri($"http://127.0.0.1:{port}/"), emulator.Address);
        Assert.Equal(new Uri($"http://127.0.0.1:{port}/api/v1"), emulator.NativeBaseUrl);
        Assert.Equal(new Uri($"http://127.0.0.1:{port}/compatible-mode/v1"), emulator.CompatibleBaseUrl);
    }

    [Fact]
    public async Task StartAsync_with_a_negative_chunk_delay_throws()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => DashScopeEmulator.StartAsync(new EmulatorOptions { ChunkDelay = TimeSpan.FromMilliseconds(-1) }));
    }

    [Fact]
    public async Task Disposing_drops_open_streams_instead_of_waiting_for_them()
    {
        var emulator = await DashScopeEmulator.StartAsync();
        using var client = new EmulatorClient(emulator);
        using var safety = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var call = client.PostCompatibleAsync(ChatBodies.Compatible("hi [[fault:slow-first-byte]]"), cancellationToken: safety.Token);
        await emulator.WaitForReceivedRequestsAsync(1, safety.Token);

        var started = Stopwatch.GetTimestamp();
        await emulator.DisposeAsync();
        var took = Stopwatch.GetElapsedTime(started);

        Assert.True(took < TimeSpan.FromSeconds(5), $"disposing took {took}");
        await Assert.ThrowsAsync<HttpRequestException>(() => call);
    }
}

namespace AiChat.Functions.Tests.Support;

/// <summary>
/// A test class whose tests start their own hosts: each test gets a DashScope emulator of its own, started before it and
/// stopped after it, hosts started over it with that test's settings, and a count of what reached it.
/// </summary>
public abstract class EmulatorPerTest : IAsyncLifetime
{
    protected DashScopeEmulator Emulator { get; private set; } = null!;

    public virtual async Task InitializeAsync() => Emulator = await DashScopeEmulator.StartAsync(new EmulatorOptions { ApiKey = EmulatedBackend.ApiKey });

    public virtual async Task DisposeAsync() => await Emulator.DisposeAsync();

    protected Task<IAiChatHost> StartAsync(HostKind host, Dictionary<string, string?> settings, string protocol = "/api/v1") =>
        AiChatHosts.StartAsync(host, Emulator, protocol, settings);

    /// <summary>Two instances over this test's emulator from the same <paramref name="settings"/>: scale-out, when the settings name a shared store.</summary>
    protected Task<TwoInstances> StartTwoAsync(HostKind firstHost, HostKind secondHost, Dictionary<string, string?> settings) =>
        TwoInstances.StartAsync(host => StartAsync(host, settings), firstHost, secondHost);

    /// <summary>The requests that reached DashScope whose last message carries <paramref name="marker"/>.</summary>
    protected int RequestsWith(string marker) => Emulator.Requests.Count(r => r.Messages[^1].Content.Contains(marker, StringComparison.Ordinal));

    /// <summary>A word no other test's messages carry, to find this test's requests by.</summary>
    protected static string Marker() => "m" + Guid.NewGuid().ToString("N");
}

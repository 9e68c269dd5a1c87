using AiChat.Emulator;

namespace AiChat.Functions.Tests.Support;

/// <summary>An emulator and AiChat in front of it, on one of the two hosts, shared by the tests of one class.</summary>
public abstract class EmulatedBackend : IAsyncLifetime
{
    public const string ApiKey = "sk-test-5e5a1b2c3d4e5f60718293a4b5c6d7e8";

    public DashScopeEmulator Emulator { get; private set; } = null!;

    public IAiChatHost App { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>The host's base address, for tests that speak raw HTTP over a socket.</summary>
    public Uri Address => App.Address;

    public abstract HostKind Host { get; }

    /// <summary>"/api/v1" for the native protocol, "/compatible-mode/v1" for the OpenAI-compatible one.</summary>
    public abstract string BasePath { get; }

    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    /// <summary>
    /// A shared fixture serves a whole class's tests from one address, more than a client's default limits allow:
    /// limits are off unless <see cref="Settings"/> sets them (the limit tests do).
    /// </summary>
    private static readonly Dictionary<string, string?> LimitsOff = new()
    {
        ["RATE_LIMIT_REQUESTS_PER_MINUTE"] = "0",
        ["RATE_LIMIT_CONCURRENT_STREAMS"] = "0",
    };

    public virtual async Task InitializeAsync()
    {
        Emulator = await DashScopeEmulator.StartAsync(new EmulatorOptions { ApiKey = ApiKey });
        var settings = new Dictionary<string, string?>(LimitsOff);
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        App = await AiChatHosts.StartAsync(Host, Emulator, BasePath, settings);
        Client = App.CreateClient();
    }

    /// <summary>The emulator's requests whose last user message contains <paramref name="marker"/>.</summary>
    public IReadOnlyList<ReceivedChatRequest> RequestsWith(string marker) =>
        [.. Emulator.Requests.Where(r => r.Messages.Count > 0 && r.Messages[^1].Content.Contains(marker, StringComparison.Ordinal))];

    public virtual async Task DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}

public sealed class NativeBackend : EmulatedBackend
{
    public override HostKind Host => HostKind.SelfHost;

    public override string BasePath => "/api/v1";
}

public sealed class CompatibleModeBackend : EmulatedBackend
{
    public override HostKind Host => HostKind.SelfHost;

    public override string BasePath => "/compatible-mode/v1";
}

public sealed class NativeFunctionsBackend : EmulatedBackend
{
    public override HostKind Host => HostKind.Functions;

    public override string BasePath => "/api/v1";
}

public sealed class CompatibleModeFunctionsBackend : EmulatedBackend
{
    public override HostKind Host => HostKind.Functions;

    public override string BasePath => "/compatible-mode/v1";
}

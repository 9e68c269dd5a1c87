namespace AiChat.Functions.Tests.Support;

/// <summary>Starts AiChat on any host from the same settings.</summary>
public static class AiChatHosts
{
    public static TheoryData<HostKind> Every => new() { HostKind.SelfHost, HostKind.Functions, HostKind.NativeSelfHost };

    /// <summary>Two instances sharing one store, as scale-out or a load balancer runs them: two self-hosts, or a self-host beside a Functions app.</summary>
    public static TheoryData<HostKind, HostKind> ScaledOut => new()
    {
        { HostKind.SelfHost, HostKind.SelfHost },
        { HostKind.SelfHost, HostKind.Functions },
    };

    /// <summary>AiChat whose upstream is <paramref name="emulator"/>, speaking the protocol <paramref name="basePath"/> names.</summary>
    public static Task<IAiChatHost> StartAsync(HostKind kind, DashScopeEmulator emulator, string basePath, IReadOnlyDictionary<string, string?>? settings = null) =>
        StartAsync(kind, UpstreamSettings(emulator, basePath, settings), "Production");

    public static async Task<IAiChatHost> StartAsync(HostKind kind, IReadOnlyDictionary<string, string?> settings, string environment) =>
        kind switch
        {
            HostKind.SelfHost => AiChatApplication.Start(settings, environment),
            HostKind.Functions => await FunctionsApp.StartAsync(settings, environment),
            _ => await ServerProcess.StartNativeAsync(settings, environment),
        };

    public static HttpClient CreateClient(this IAiChatHost host) => new() { BaseAddress = host.Address };

    internal static Dictionary<string, string?> UpstreamSettings(DashScopeEmulator emulator, string basePath, IReadOnlyDictionary<string, string?>? settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["DASHSCOPE_API_KEY"] = emulator.Options.ApiKey,
            ["DASHSCOPE_BASE_URL"] = new Uri(emulator.Address, basePath).AbsoluteUri,
            // Retries stay on, as in production; only their backoff is short so the suite stays fast.
            ["UPSTREAM_RETRY_DELAY_MS"] = "1",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return all;
    }
}

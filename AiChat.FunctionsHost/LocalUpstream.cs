using AiChat.Emulator;

namespace AiChat.FunctionsHost;

/// <summary>
/// As `dotnet run` of the self-host does in Development: with no DashScope key in the settings or the environment,
/// the stand-in starts the DashScope emulator on a loopback port and points the Functions app at it.
/// </summary>
internal static class LocalUpstream
{
    public static async Task<IAsyncDisposable> StartWhenNoKeyAsync(Dictionary<string, string?> appSettings)
    {
        if (HasValue(appSettings, "DASHSCOPE_API_KEY") || HasValue(appSettings, "KEY_VAULT_URI"))
        {
            return new NoUpstream();
        }

        var emulator = await DashScopeEmulator.StartAsync();
        appSettings["DASHSCOPE_BASE_URL"] = emulator.BaseUrlFor(Setting(appSettings, "DASHSCOPE_BASE_URL")).AbsoluteUri;
        appSettings["DASHSCOPE_API_KEY"] = emulator.Options.ApiKey;
        appSettings["KEY_VAULT_URI"] = "";
        Console.WriteLine($"No DashScope key set: the Functions app talks to the DashScope emulator at {emulator.Address}");
        return emulator;
    }

    private static string? Setting(Dictionary<string, string?> appSettings, string name) =>
        appSettings.TryGetValue(name, out var value) ? value : Environment.GetEnvironmentVariable(name);

    private static bool HasValue(Dictionary<string, string?> appSettings, string name) => !string.IsNullOrEmpty(Setting(appSettings, name));

    private sealed class NoUpstream : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

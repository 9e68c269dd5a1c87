using System.Reflection;
using AiChat.FunctionsHost;

namespace AiChat.Functions.Tests.Support;

/// <summary>
/// The built AiChat.Functions worker, unmodified, run by the Functions host stand-in on a loopback port and configured
/// only through app settings, as Azure or Core Tools would configure it.
/// </summary>
public sealed class FunctionsApp : IAiChatHost
{
    private readonly FunctionsHostStandIn _host;
    private readonly RecordingLoggerProvider _log;

    private FunctionsApp(FunctionsHostStandIn host, RecordingLoggerProvider log)
    {
        _host = host;
        _log = log;
    }

    /// <summary>AiChat.Functions' build output, the directory the Functions host would run.</summary>
    public static string AppDirectory { get; } = typeof(FunctionsApp).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "FunctionsAppDirectory").Value!;

    public Uri Address => _host.Address;

    public IReadOnlyCollection<string> LogLines => _log.Lines;

    public Task WaitForLogLinesAsync(Func<string, bool> match, int count, CancellationToken cancellationToken) =>
        _log.WaitForLinesAsync(match, count, cancellationToken);

    public FunctionRouteTable Routes => _host.Routes;

    /// <param name="log">Where the host's and the worker's log go; a new recording when not given (a test of a failed start reads it).</param>
    public static async Task<FunctionsApp> StartAsync(IReadOnlyDictionary<string, string?> settings, string environment, RecordingLoggerProvider? log = null)
    {
        log ??= new RecordingLoggerProvider();
        var appSettings = new Dictionary<string, string?>
        {
            ["AZURE_FUNCTIONS_ENVIRONMENT"] = environment,
            // Settings the test process may have, which a fresh Function App would not.
            ["DASHSCOPE_API_KEY"] = null,
            ["DASHSCOPE_BASE_URL"] = null,
            ["KEY_VAULT_URI"] = null,
            [TestDefaults.AllowUnboundedSpend] = "true",
        };
        foreach (var (key, value) in settings)
        {
            // App settings are environment variables, where ':' in a configuration key is written '__'.
            appSettings[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var host = await FunctionsHostStandIn.StartAsync(new StandInOptions { AppDirectory = AppDirectory, AppSettings = appSettings, LoggerProvider = log });
        return new FunctionsApp(host, log);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}

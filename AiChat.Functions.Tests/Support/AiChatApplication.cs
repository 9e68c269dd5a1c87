using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace AiChat.Functions.Tests.Support;

/// <summary>
/// The real self-host (AiChat.Server's Program) on Kestrel at a loopback port, configured only through the settings
/// a user would set, plus services a test puts in place of the real ones. Its log is recorded so tests can read it.
/// </summary>
public sealed class AiChatApplication : WebApplicationFactory<Program>, IAiChatHost
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly string _environment;
    private readonly Action<IServiceCollection>? _testServices;

    private AiChatApplication(IReadOnlyDictionary<string, string?> settings, string environment, Action<IServiceCollection>? testServices)
    {
        _settings = settings;
        _environment = environment;
        _testServices = testServices;
        UseKestrel();
    }

    public RecordingLoggerProvider Log { get; } = new();

    public Uri Address => ClientOptions.BaseAddress;

    public IReadOnlyCollection<string> LogLines => Log.Lines;

    public Task WaitForLogLinesAsync(Func<string, bool> match, int count, CancellationToken cancellationToken) =>
        Log.WaitForLinesAsync(match, count, cancellationToken);

    /// <summary>The route table, one <c>METHOD /pattern</c> a route and method, in no particular order.</summary>
    public IEnumerable<string> Routes() => Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {e.RoutePattern.RawText}"));

    /// <summary>A self-host whose upstream is <paramref name="emulator"/>, speaking the protocol <paramref name="basePath"/> names.</summary>
    public static AiChatApplication Start(
        DashScopeEmulator emulator, string basePath, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? testServices = null) =>
        Start(AiChatHosts.UpstreamSettings(emulator, basePath, settings), "Production", testServices);

    public static AiChatApplication Start(IReadOnlyDictionary<string, string?> settings, string environment, Action<IServiceCollection>? testServices = null)
    {
        var application = new AiChatApplication(settings, environment, testServices);
        application.StartServer();
        return application;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        // The port comes from the app's own settings, as PORT or --urls would give it. UseKestrel(port) instead rewrites
        // the server's addresses after Program has built the host, racing Program's own app.Run() to start it.
        builder.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
        builder.UseSetting(TestDefaults.AllowUnboundedSpend, "true");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(Log));
        if (_testServices is not null)
        {
            builder.ConfigureTestServices(_testServices);
        }
    }
}

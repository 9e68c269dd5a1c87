using AiChat.Core.Geo;
using AiChat.Core.Geo.AMap;
using AiChat.Emulator.AMap;
using AiChat.Functions.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiChat.Functions.Tests.Geo;

/// <summary>The geo tools as AddGeoTools wires them, over an AMap emulator, with every log line kept.</summary>
internal sealed class GeoHarness : IDisposable
{
    public const string Key = "amap-test-key-7f3c9e1d5b2a4c68";

    private readonly ServiceProvider _services;
    private int _calls;

    private GeoHarness(ServiceProvider services, RecordingLoggerProvider log)
    {
        _services = services;
        Log = log;
        Tools = services.GetRequiredService<IGeoTools>();
    }

    public IGeoTools Tools { get; }

    public RecordingLoggerProvider Log { get; }

    public static GeoHarness Create(Uri baseUrl, TimeSpan? requestTimeout = null, TimeSpan? toolTimeout = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AMAP_BASE_URL"] = baseUrl.AbsoluteUri,
            ["AMAP_API_KEY"] = Key,
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var log = new RecordingLoggerProvider();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => logging.AddProvider(log).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton(provider => new AMapClient(
            provider.GetRequiredKeyedService<HttpClient>(AMapHttpClient.ServiceKey),
            provider.GetRequiredService<IOptions<GeoOptions>>(), TimeProvider.System, provider.GetRequiredService<ILogger<AMapClient>>())
        {
            RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(3),
            RetryDelay = (TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(10)),
        });
        services.AddSingleton<IGeoTools>(provider => new GeoTools(
            provider.GetRequiredService<IOptions<GeoOptions>>(), provider.GetRequiredService<AMapClient>(), provider.GetRequiredService<SessionPlaces>())
        {
            ToolTimeout = toolTimeout ?? TimeSpan.FromSeconds(6),
        });
        services.AddGeoTools();
        return new GeoHarness(services.BuildServiceProvider(), log);
    }

    public static GeoHarness Create(AMapEmulator emulator, TimeSpan? requestTimeout = null, TimeSpan? toolTimeout = null) =>
        Create(emulator.Address, requestTimeout, toolTimeout);

    public Task<GeoTurn> BeginTurnAsync(string? sessionId = null, ClientContext? context = null) =>
        Tools.BeginTurnAsync(sessionId, context, CancellationToken.None);

    public async Task<GeoToolResult> CallAsync(string tool, string argumentsJson, GeoTurn? turn = null) =>
        await Tools.InvokeAsync(turn ?? await BeginTurnAsync(), new GeoToolCall($"call_{++_calls}", tool, argumentsJson), CancellationToken.None);

    public void Dispose() => _services.Dispose();
}

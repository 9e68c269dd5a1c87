using AiChat.Core.Assistant;
using AiChat.Core.Geo.AMap;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace AiChat.Functions.Tests.Geo;

/// <summary>
/// The geo tools as AddGeoTools wires them, over an AMap emulator, with every log line kept. A call goes the way the
/// model's calls go: through a <see cref="ToolRound"/> of its own, whose events and answer make the result.
/// </summary>
internal sealed class GeoHarness : IDisposable
{
    public const string Key = "amap-test-key-7f3c9e1d5b2a4c68";

    private readonly ServiceProvider _services;
    private readonly ToolLoopLimits _limits;
    private int _calls;

    private GeoHarness(ServiceProvider services, RecordingLoggerProvider log, ToolLoopLimits limits)
    {
        _services = services;
        _limits = limits;
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
        services.AddGeoTools();
        var limits = toolTimeout is { } timeout ? new ToolLoopLimits { ToolTimeout = timeout } : ToolLoopLimits.Default;
        return new GeoHarness(services.BuildServiceProvider(), log, limits);
    }

    public static GeoHarness Create(AMapEmulator emulator, TimeSpan? requestTimeout = null, TimeSpan? toolTimeout = null) =>
        Create(emulator.Address, requestTimeout, toolTimeout);

    public Task<GeoTurn> BeginTurnAsync(string? sessionId = null, ClientContext? context = null) =>
        Tools.BeginTurnAsync(sessionId, context, CancellationToken.None);

    /// <param name="argumentsJson">Passed to the tool as given, unlike the model's arguments, which are normalized first.</param>
    public async Task<GeoToolResult> CallAsync(string tool, string argumentsJson, GeoTurn? turn = null, CancellationToken cancellationToken = default)
    {
        turn ??= await BeginTurnAsync();
        var round = new ToolRound(Tools, turn, _limits, new ToolTurnState([]), _services.GetRequiredService<ILogger<ToolRound>>());
        List<ChatStreamEvent> events = [];
        await foreach (var streamEvent in round.RunAsync([new AccumulatedToolCall($"call_{++_calls}", tool, argumentsJson, argumentsJson)], "message", null, cancellationToken))
        {
            events.Add(streamEvent);
        }

        var outcome = events.OfType<ToolStatusEvent>().Last();
        var content = Assert.Single(round.Answers).Content;
        var geoEvents = events.OfType<GeoStreamEvent>().Select(e => e.Event).ToList();
        return outcome.Status == ToolStatusEvent.Succeeded
            ? GeoToolResult.Success(outcome.ResultCount!.Value, content, geoEvents)
            : GeoToolResult.Failure(outcome.ErrorCode!, content, geoEvents);
    }

    public void Dispose() => _services.Dispose();
}

namespace AiChat.Functions.Tests.Telemetry;

/// <summary>
/// AiChat with telemetry on, the geo assistant on (both emulators) and a small per-client request limit, each test
/// being its own client (an App Service Authentication principal), so one can run into the limit without the others.
/// </summary>
public abstract class TelemetryBackend : IAsyncLifetime
{
    public const int RequestsPerMinute = 3;

    public DashScopeEmulator Emulator { get; private set; } = null!;

    public AMapEmulator AMap { get; private set; } = null!;

    public IAiChatHost App { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public abstract ITelemetrySink Sink { get; }

    public virtual async Task InitializeAsync()
    {
        Emulator = await DashScopeEmulator.StartAsync(new EmulatorOptions { ApiKey = EmulatedBackend.ApiKey });
        AMap = await AMapEmulator.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["AMAP_API_KEY"] = BackendSettings.AMapKey,
            ["AMAP_BASE_URL"] = AMap.Address.AbsoluteUri,
            ["RATE_LIMIT_REQUESTS_PER_MINUTE"] = RequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RATE_LIMIT_CONCURRENT_STREAMS"] = "0",
            ["TRUST_EASY_AUTH"] = "true",
            ["WEBSITE_AUTH_ENABLED"] = "true",
        };
        App = await StartAsync(AiChatHosts.UpstreamSettings(Emulator, "/api/v1", settings));
        // The test process listens to HttpClient too; without a propagator the client sends each test's own traceparent as it is.
        Client = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = App.Address };
    }

    public virtual async Task DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await AMap.DisposeAsync();
        await Emulator.DisposeAsync();
    }

    protected abstract Task<IAiChatHost> StartAsync(Dictionary<string, string?> settings);
}

public sealed class SelfHostTelemetryBackend : TelemetryBackend
{
    private readonly InMemorySink _sink = new();

    public override ITelemetrySink Sink => _sink;

    protected override Task<IAiChatHost> StartAsync(Dictionary<string, string?> settings)
    {
        var app = AiChatApplication.Start(settings, "Production", _sink.AddTo);
        _sink.Attach(app.Services);
        return Task.FromResult<IAiChatHost>(app);
    }
}

public sealed class FunctionsTelemetryBackend : TelemetryBackend
{
    private OtlpReceiver _receiver = null!;

    public OtlpReceiver Receiver => _receiver;

    public override ITelemetrySink Sink => new OtlpSink(_receiver);

    public override async Task InitializeAsync()
    {
        _receiver = await OtlpReceiver.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    protected override async Task<IAiChatHost> StartAsync(Dictionary<string, string?> settings)
    {
        foreach (var (key, value) in _receiver.Settings)
        {
            settings[key] = value;
        }

        return await FunctionsApp.StartAsync(settings, "Production");
    }
}

namespace AiChat.Functions.Tests.Support;

/// <summary>One cell of the matrix running: the DashScope emulator (and the AMap one if the setup needs it) and AiChat in front.</summary>
public sealed class StartedBackend : IAsyncDisposable
{
    private StartedBackend(BackendVariant variant, DashScopeEmulator emulator, AMapEmulator? amap, IAiChatHost app)
    {
        Variant = variant;
        Emulator = emulator;
        AMap = amap;
        App = app;
        Client = app.CreateClient();
    }

    public BackendVariant Variant { get; }

    public DashScopeEmulator Emulator { get; }

    public AMapEmulator? AMap { get; }

    public IAiChatHost App { get; }

    public HttpClient Client { get; }

    public static async Task<StartedBackend> StartAsync(BackendVariant variant)
    {
        var amap = variant.Setup == BackendSetup.GeoAssistant ? await AMapEmulator.StartAsync() : null;
        var emulator = await DashScopeEmulator.StartAsync(new EmulatorOptions { ApiKey = EmulatedBackend.ApiKey, Http2Only = variant.Setup == BackendSetup.Http2Upstream });
        var app = await AiChatHosts.StartAsync(variant.Host, emulator, variant.BasePath, BackendSettings.For(variant.Setup, amap?.Address));
        return new StartedBackend(variant, emulator, amap, app);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await Emulator.DisposeAsync();
        if (AMap is not null)
        {
            await AMap.DisposeAsync();
        }
    }
}

using AiChat.Emulator.AMap;

namespace AiChat.Server;

/// <summary>Says in the log that AMap is emulated, and stops the emulator with the host.</summary>
internal sealed partial class EmbeddedAMapEmulatorLifetime(AMapEmulator emulator, ILogger<EmbeddedAMapEmulatorLifetime> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogEmulated(logger, emulator.Address);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await emulator.DisposeAsync();

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "No AMAP_API_KEY or KEY_VAULT_URI in Development: the geo tools call the embedded AMap emulator at {Address}, not AMap. Set either to use the real service.")]
    private static partial void LogEmulated(ILogger logger, Uri address);
}

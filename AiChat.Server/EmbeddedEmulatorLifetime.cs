using AiChat.Emulator;

namespace AiChat.Server;

/// <summary>Says in the log that the upstream is emulated, and stops the emulator with the host.</summary>
internal sealed partial class EmbeddedEmulatorLifetime(DashScopeEmulator emulator, ILogger<EmbeddedEmulatorLifetime> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogEmulated(logger, emulator.Address);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await emulator.DisposeAsync();

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "No DASHSCOPE_API_KEY or KEY_VAULT_URI in Development: chat calls go to the embedded DashScope emulator at {Address}, not to DashScope. Set either to use the real service.")]
    private static partial void LogEmulated(ILogger logger, Uri address);
}

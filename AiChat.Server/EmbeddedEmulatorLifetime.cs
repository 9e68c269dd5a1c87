namespace AiChat.Server;

/// <summary>
/// Says in the log that a service is emulated, and stops its emulator with the host. Registered as an IHostedService
/// instance per emulator: AddHostedService would keep only the first of two of the same type.
/// </summary>
internal sealed partial class EmbeddedEmulatorLifetime(IAsyncDisposable emulator, string service, string keySetting, Uri address, ILogger<EmbeddedEmulatorLifetime> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogEmulated(logger, keySetting, service, address);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await emulator.DisposeAsync();

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "No {KeySetting} or KEY_VAULT_URI in Development: calls to {Service} go to the embedded {Service} emulator at {Address}, not to {Service}. Set either to use the real service.")]
    private static partial void LogEmulated(ILogger logger, string keySetting, string service, Uri address);
}

using Microsoft.Extensions.Hosting;

namespace AiChat.Emulator;

/// <summary>
/// Replaces the console lifetime, which would take Ctrl+C and SIGTERM for the whole process and only stop the
/// emulator: whoever embeds the emulator decides when it stops, by disposing it.
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

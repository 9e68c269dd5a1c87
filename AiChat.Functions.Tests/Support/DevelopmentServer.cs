namespace AiChat.Functions.Tests.Support;

/// <summary>
/// AiChat.Server in Development with no settings at all, as `dotnet run` first runs for a newcomer: started once for
/// the tests that look at it.
/// </summary>
public sealed class DevelopmentServer : IAsyncLifetime
{
    private ServerProcess? _server;

    public ServerProcess Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        _server = await ServerProcess.StartAsync("Development", new Dictionary<string, string?>(), patience.Token);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

using StackExchange.Redis;

namespace AiChat.Core.Redis;

/// <summary>
/// The process's one connection to Redis, shared by sessions and limits. It connects on first use and keeps
/// reconnecting in the background; while Redis is unreachable a command fails at once rather than waiting in a queue.
/// </summary>
internal sealed class RedisConnection(ConfigurationOptions options) : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private Task<ConnectionMultiplexer>? _connecting;

    public RedisConnection(string connection, string? caCertificatePath = null)
        : this(RedisSettings.Parse(connection, caCertificatePath))
    {
    }

    public async Task<IDatabase> GetDatabaseAsync() => (await Multiplexer()).GetDatabase();

    public async ValueTask DisposeAsync()
    {
        if (_connecting is { IsCompletedSuccessfully: true } connected)
        {
            await connected.Result.DisposeAsync();
        }
    }

    private Task<ConnectionMultiplexer> Multiplexer()
    {
        lock (_lock)
        {
            // A failed attempt is not kept: the next command tries again.
            if (_connecting is null || _connecting.IsFaulted || _connecting.IsCanceled)
            {
                _connecting = ConnectionMultiplexer.ConnectAsync(options);
            }

            return _connecting;
        }
    }
}

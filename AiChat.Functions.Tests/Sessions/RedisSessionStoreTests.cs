using AiChat.Core.Redis;

namespace AiChat.Functions.Tests.Sessions;

/// <summary>The same contract against a real redis-server, plus what only Redis can show: the expiry Redis holds.</summary>
public sealed class RedisSessionStoreTests(RedisServer redis) : SessionStoreContractTests, IClassFixture<RedisServer>, IAsyncDisposable
{
    private readonly List<RedisConnection> _connections = [];

    private protected override ISessionStore CreateStore(SessionOptions limits) => new RedisSessionStore(Connect(redis.Connection), Options.Create(limits));

    [Fact]
    public async Task Every_write_and_read_sets_the_ttl_in_redis()
    {
        var store = CreateStore(new SessionOptions { TtlMinutes = 10 });
        var probe = await Connect(redis.Connection).GetDatabaseAsync();
        var id = SessionIds.New();
        var key = "aichat:session:" + id;

        await store.CreateAsync(id, SessionOwners.Anonymous, default);
        var afterCreate = (await probe.KeyTimeToLiveAsync(key))!.Value;
        await probe.KeyExpireAsync(key, TimeSpan.FromSeconds(1));
        await store.GetAsync(id, SessionOwners.Anonymous, default);
        var afterRead = (await probe.KeyTimeToLiveAsync(key))!.Value;
        await probe.KeyExpireAsync(key, TimeSpan.FromSeconds(1));
        await store.AppendAsync(id, [User("q"), Assistant("a")], default);
        var afterAppend = (await probe.KeyTimeToLiveAsync(key))!.Value;

        Assert.All([afterCreate, afterRead, afterAppend], ttl => Assert.InRange(ttl.TotalMilliseconds, 590_000, 600_000));
    }

    [Fact]
    public async Task Unreachable_redis_is_reported_as_an_unavailable_store()
    {
        var store = new RedisSessionStore(Connect("127.0.0.1:1"), Options.Create(Limits));

        await Assert.ThrowsAsync<SessionStoreUnavailableException>(() => store.GetAsync(SessionIds.New(), SessionOwners.Anonymous, default));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
    }

    private RedisConnection Connect(string configuration)
    {
        var connection = new RedisConnection(configuration);
        _connections.Add(connection);
        return connection;
    }
}

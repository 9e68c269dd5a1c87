using AiChat.Core.Limits;
using AiChat.Core.Redis;
using StackExchange.Redis;

namespace AiChat.Functions.Tests.Limits;

/// <summary>The contract against a real redis-server, plus what only a shared store shows: instances counting together.</summary>
public sealed class RedisLimitStoreTests(RedisServer redis) : LimitStoreContractTests, IClassFixture<RedisServer>, IAsyncLifetime
{
    private readonly List<RedisConnection> _connections = [];
    private RedisLimitStore _store = null!;

    private protected override ILimitStore Store => _store;

    private protected override DateTimeOffset Now => DateTimeOffset.UtcNow;

    public async Task InitializeAsync()
    {
        // The daily budget is one counter for the whole store: each test starts from an empty Redis.
        await using var admin = await ConnectionMultiplexer.ConnectAsync(redis.Connection + ",allowAdmin=true");
        await admin.GetServers()[0].FlushAllDatabasesAsync();
        _store = NewInstance();
    }

    [Fact]
    public async Task Retry_after_is_the_time_left_on_the_window_in_redis()
    {
        var client = NewClient();
        var limits = Limits(requests: 1);
        await _store.CheckAsync(Request(client, limits), default);
        var probe = await Connect().GetDatabaseAsync();
        await probe.KeyExpireAsync("aichat:limit:requests:" + client, TimeSpan.FromMilliseconds(12_345));

        var refused = await _store.CheckAsync(Request(client, limits), default);
        var left = (await probe.KeyTimeToLiveAsync("aichat:limit:requests:" + client))!.Value;

        Assert.Equal(LimitKind.RequestsPerMinute, refused.RefusedBy);
        Assert.InRange(refused.RetryAfter, left, TimeSpan.FromMilliseconds(12_345));
    }

    [Fact]
    public async Task Fifty_concurrent_checks_spread_over_two_instances_admit_exactly_ten()
    {
        var instances = new[] { _store, NewInstance() };
        var client = NewClient();
        var limits = Limits(requests: 10);

        var decisions = await Task.WhenAll(Enumerable.Range(0, 50)
            .Select(i => Task.Run(() => instances[i % 2].CheckAsync(Request(client, limits), default))));

        Assert.Equal(10, decisions.Count(d => d.IsAdmitted));
    }

    [Fact]
    public async Task Stream_slots_are_shared_by_instances()
    {
        var other = NewInstance();
        var client = NewClient();
        var limits = Limits(streams: 2);

        Assert.True((await _store.CheckAsync(Stream(client, limits), default)).IsAdmitted);
        Assert.True((await other.CheckAsync(Stream(client, limits), default)).IsAdmitted);
        Assert.Equal(LimitKind.ConcurrentStreams, (await _store.CheckAsync(Stream(client, limits), default)).RefusedBy);
    }

    [Fact]
    public async Task Unreachable_redis_fails_at_once_with_a_redis_failure()
    {
        var store = new RedisLimitStore(Connect("127.0.0.1:1"), TimeProvider.System);

        var failure = await Record.ExceptionAsync(() => store.CheckAsync(Request(NewClient(), Limits(requests: 1)), default));

        Assert.True(failure is RedisException or RedisTimeoutException, failure?.ToString());
    }

    public async Task DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
    }

    private RedisLimitStore NewInstance() => new(Connect(), TimeProvider.System);

    private RedisConnection Connect(string? configuration = null)
    {
        var connection = new RedisConnection(configuration ?? redis.Connection);
        _connections.Add(connection);
        return connection;
    }
}

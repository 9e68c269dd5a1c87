using Microsoft.Extensions.Logging;

namespace AiChat.Functions.Tests.Sessions;

public sealed class MemorySessionStoreTests : SessionStoreContractTests
{
    private readonly ManualTimeProvider _clock = new();

    private protected override ISessionStore CreateStore(SessionOptions limits) => new MemorySessionStore(_clock, Options.Create(limits));

    [Fact]
    public async Task Session_expires_after_the_ttl_without_use_and_each_use_restarts_the_clock()
    {
        var store = CreateStore(new SessionOptions { TtlMinutes = 10 });
        var id = SessionIds.New();
        await store.CreateAsync(id, SessionOwners.Anonymous, default);
        await store.AppendAsync(id, [User("q1"), Assistant("a1")], default);

        _clock.Advance(TimeSpan.FromMinutes(9));
        Assert.NotNull(await store.GetAsync(id, SessionOwners.Anonymous, default));
        _clock.Advance(TimeSpan.FromMinutes(9));
        Assert.NotNull(await store.GetAsync(id, SessionOwners.Anonymous, default));
        _clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Null(await store.GetAsync(id, SessionOwners.Anonymous, default));
    }

    [Fact]
    public async Task Turn_on_an_expired_session_is_not_saved_and_does_not_bring_it_back()
    {
        var store = CreateStore(new SessionOptions { TtlMinutes = 10 });
        var id = SessionIds.New();
        await store.CreateAsync(id, SessionOwners.Anonymous, default);
        _clock.Advance(TimeSpan.FromMinutes(11));

        Assert.False(await store.AppendAsync(id, [User("q2"), Assistant("a2")], default));
        Assert.Null(await store.GetAsync(id, SessionOwners.Anonymous, default));
    }

    [Fact]
    public async Task Past_the_session_count_the_least_recently_used_are_evicted_and_a_log_line_says_so()
    {
        var log = new RecordingLoggerProvider();
        using var loggers = LoggerFactory.Create(logging => logging.AddProvider(log));
        using var store = new MemorySessionStore(_clock, Options.Create(new SessionOptions { MaxCount = 20 }), loggers.CreateLogger<MemorySessionStore>());
        var ids = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add(SessionIds.New());
            await store.CreateAsync(ids[^1], SessionOwners.Anonymous, default);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        await store.GetAsync(ids[0], SessionOwners.Anonymous, default);
        await store.CreateAsync(SessionIds.New(), SessionOwners.Anonymous, default);

        // 21 is over 20: back to the count, and a twentieth (one) below it, the least recently used first.
        Assert.Equal(19, store.Count);
        Assert.NotNull(await store.GetAsync(ids[0], SessionOwners.Anonymous, default));
        Assert.Null(await store.GetAsync(ids[1], SessionOwners.Anonymous, default));
        Assert.Null(await store.GetAsync(ids[2], SessionOwners.Anonymous, default));
        Assert.NotNull(await store.GetAsync(ids[3], SessionOwners.Anonymous, default));
        Assert.Contains(log.Lines, line => line.Contains("Session store full (21 sessions, SESSION_MAX_COUNT 20): evicted the 2 least recently used", StringComparison.Ordinal));
    }
}

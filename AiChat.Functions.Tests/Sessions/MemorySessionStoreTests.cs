using AiChat.Core.Configuration;
using AiChat.Core.Sessions;
using AiChat.Functions.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace AiChat.Functions.Tests.Sessions;

public sealed class MemorySessionStoreTests(ITestOutputHelper output) : SessionStoreContractTests
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

    [Fact]
    public async Task Ten_thousand_sessions_of_maximum_size_stay_within_the_session_count_and_a_bounded_memory()
    {
        // The defaults: 1,000 sessions of at most 100,000 characters, 2 bytes each in a .NET string.
        var options = new SessionOptions();
        const int Sessions = 10_000;
        var bound = (long)options.MaxCount * options.MaxChars * sizeof(char);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        using var store = new MemorySessionStore(_clock, Options.Create(options));

        for (var i = 0; i < Sessions; i++)
        {
            var id = SessionIds.New();
            await store.CreateAsync(id, SessionOwners.Anonymous, default);
            var half = options.MaxChars / 2;
            Assert.True(await store.AppendAsync(id, [User(new string((char)('a' + (i % 26)), half)), Assistant(new string('答', half))], default));
            _clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        output.WriteLine($"{Sessions} sessions of {options.MaxChars} characters, SESSION_MAX_COUNT {options.MaxCount}: {store.Count} kept, {retained / (1024.0 * 1024):F1} MiB retained (bound {bound / (1024.0 * 1024):F1} MiB)");
        Assert.InRange(store.Count, 1, options.MaxCount);
        Assert.True(retained <= bound * 11 / 10, $"{retained} bytes retained, over {bound * 11 / 10}");
        GC.KeepAlive(store);
    }
}

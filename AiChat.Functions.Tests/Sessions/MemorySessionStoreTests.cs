using AiChat.Core.Configuration;
using AiChat.Core.Sessions;
using AiChat.Functions.Tests.Support;
using Microsoft.Extensions.Options;

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
        await store.AppendAsync(id, [User("q1"), Assistant("a1")], default);

        _clock.Advance(TimeSpan.FromMinutes(9));
        Assert.NotNull(await store.GetAsync(id, default));
        _clock.Advance(TimeSpan.FromMinutes(9));
        Assert.NotNull(await store.GetAsync(id, default));
        _clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Null(await store.GetAsync(id, default));
    }

    [Fact]
    public async Task Turn_on_an_expired_session_starts_it_afresh()
    {
        var store = CreateStore(new SessionOptions { TtlMinutes = 10 });
        var id = SessionIds.New();
        await store.AppendAsync(id, [User("q1"), Assistant("a1")], default);
        _clock.Advance(TimeSpan.FromMinutes(11));

        await store.AppendAsync(id, [User("q2"), Assistant("a2")], default);

        Assert.Equal([User("q2"), Assistant("a2")], await store.GetAsync(id, default));
    }
}

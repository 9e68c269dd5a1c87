using AiChat.Core.Limits;

namespace AiChat.Functions.Tests.Limits;

public sealed class MemoryLimitStoreTests : LimitStoreContractTests
{
    private readonly ManualTimeProvider _clock = new();
    private readonly MemoryLimitStore _store;

    public MemoryLimitStoreTests() => _store = new MemoryLimitStore(_clock);

    private protected override ILimitStore Store => _store;

    private protected override DateTimeOffset Now => _clock.GetUtcNow();

    [Fact]
    public async Task The_window_frees_exactly_when_retry_after_says()
    {
        var client = NewClient();
        var limits = Limits(requests: 1);
        await _store.CheckAsync(Request(client, limits), default);
        _clock.Advance(TimeSpan.FromSeconds(20));

        var refused = await _store.CheckAsync(Request(client, limits), default);
        _clock.Advance(refused.RetryAfter - TimeSpan.FromMilliseconds(1));
        var justBefore = await _store.CheckAsync(Request(client, limits), default);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var atRetryAfter = await _store.CheckAsync(Request(client, limits), default);

        Assert.Equal(TimeSpan.FromSeconds(40), refused.RetryAfter);
        Assert.Equal(LimitKind.RequestsPerMinute, justBefore.RefusedBy);
        Assert.True(atRetryAfter.IsAdmitted);
    }

    [Fact]
    public async Task Tokens_start_again_at_utc_midnight_when_retry_after_says()
    {
        var client = NewClient();
        var limits = Limits(tokens: 10);
        _clock.Advance(TimeSpan.FromHours(23));
        await _store.AddTokensAsync(client, 10, default);

        var refused = await _store.CheckAsync(Request(client, limits), default);
        _clock.Advance(refused.RetryAfter);
        var nextDay = await _store.CheckAsync(Request(client, limits), default);

        Assert.Equal(TimeSpan.FromHours(1), refused.RetryAfter);
        Assert.True(nextDay.IsAdmitted);
    }
}

using AiChat.Core.Limits;

namespace AiChat.Functions.Tests.Limits;

/// <summary>What every limit store does, whatever keeps its counters.</summary>
public abstract class LimitStoreContractTests
{
    private protected abstract ILimitStore Store { get; }

    /// <summary>The store's clock.</summary>
    private protected abstract DateTimeOffset Now { get; }

    private protected static string NewClient() => "ip:test-" + Guid.NewGuid().ToString("N");

    private protected static LimitOptions Limits(int requests = 0, int streams = 0, long tokens = 0, long budget = 0) =>
        new() { RequestsPerMinute = requests, ConcurrentStreams = streams, TokensPerDay = tokens, DailyTokenBudget = budget };

    private protected static LimitCheck Request(string client, LimitOptions limits) => new(client, null, limits);

    private protected static LimitCheck Stream(string client, LimitOptions limits) => new(client, Guid.NewGuid().ToString("N"), limits);

    private Task<LimitDecision[]> FiftyConcurrentAsync(LimitCheck check) =>
        Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => Store.CheckAsync(check, default))));

    [Fact]
    public async Task Requests_beyond_the_per_minute_limit_are_refused_with_the_window_left()
    {
        var client = NewClient();
        var limits = Limits(requests: 3);

        var decisions = new List<LimitDecision>();
        for (var i = 0; i < 4; i++)
        {
            decisions.Add(await Store.CheckAsync(Request(client, limits), default));
        }

        Assert.All(decisions[..3], d => Assert.True(d.IsAdmitted));
        Assert.Equal(LimitKind.RequestsPerMinute, decisions[3].RefusedBy);
        Assert.InRange(decisions[3].RetryAfter, TimeSpan.FromSeconds(55), TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Clients_are_counted_apart()
    {
        var limits = Limits(requests: 1);
        var first = NewClient();

        Assert.True((await Store.CheckAsync(Request(first, limits), default)).IsAdmitted);
        Assert.False((await Store.CheckAsync(Request(first, limits), default)).IsAdmitted);
        Assert.True((await Store.CheckAsync(Request(NewClient(), limits), default)).IsAdmitted);
    }

    [Fact]
    public async Task A_stream_slot_is_held_until_released_and_a_refused_stream_counts_no_request()
    {
        var client = NewClient();
        var limits = Limits(requests: 3, streams: 1);
        var open = Stream(client, limits);

        Assert.True((await Store.CheckAsync(open, default)).IsAdmitted);
        Assert.Equal(LimitKind.ConcurrentStreams, (await Store.CheckAsync(Stream(client, limits), default)).RefusedBy);
        await Store.ReleaseStreamAsync(client, open.StreamLease!, default);
        Assert.True((await Store.CheckAsync(Stream(client, limits), default)).IsAdmitted);
        // Two requests counted (the refused stream was not), so one more is admitted before the minute's limit.
        Assert.True((await Store.CheckAsync(Request(client, limits), default)).IsAdmitted);
        Assert.Equal(LimitKind.RequestsPerMinute, (await Store.CheckAsync(Request(client, limits), default)).RefusedBy);
    }

    [Fact]
    public async Task Tokens_per_day_refuse_once_the_client_reached_them_until_the_day_ends()
    {
        var client = NewClient();
        var limits = Limits(tokens: 100);

        await Store.AddTokensAsync(client, 99, default);
        var under = await Store.CheckAsync(Request(client, limits), default);
        await Store.AddTokensAsync(client, 1, default);
        var reached = await Store.CheckAsync(Request(client, limits), default);
        var other = await Store.CheckAsync(Request(NewClient(), limits), default);

        Assert.True(under.IsAdmitted);
        Assert.Equal(LimitKind.TokensPerDay, reached.RefusedBy);
        Assert.True(other.IsAdmitted);
        var untilMidnight = Now.UtcDateTime.Date.AddDays(1) - Now.UtcDateTime;
        Assert.InRange(reached.RetryAfter, untilMidnight - TimeSpan.FromMinutes(1), untilMidnight + TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Fifty_concurrent_checks_against_a_limit_of_ten_admit_exactly_ten()
    {
        var decisions = await FiftyConcurrentAsync(Request(NewClient(), Limits(requests: 10)));

        Assert.Equal(10, decisions.Count(d => d.IsAdmitted));
        Assert.All(decisions.Where(d => !d.IsAdmitted), d => Assert.Equal(LimitKind.RequestsPerMinute, d.RefusedBy));
    }

    [Fact]
    public async Task Fifty_concurrent_checks_each_holding_tokens_admit_until_what_they_hold_reaches_the_limit()
    {
        var decisions = await FiftyConcurrentAsync(Request(NewClient(), Limits(tokens: 100)) with { Tokens = 30 });

        // 0, 30, 60 and 90 held are under 100; the fifth check finds 120.
        Assert.Equal(4, decisions.Count(d => d.IsAdmitted));
        Assert.All(decisions.Where(d => !d.IsAdmitted), d => Assert.Equal(LimitKind.TokensPerDay, d.RefusedBy));
    }

    [Fact]
    public async Task Giving_back_what_a_check_held_beyond_what_was_spent_admits_again()
    {
        var client = NewClient();
        var limits = Limits(tokens: 100);

        var holding = await Store.CheckAsync(Request(client, limits) with { Tokens = 100 }, default);
        var whileHeld = await Store.CheckAsync(Request(client, limits), default);
        await Store.AddTokensAsync(client, 10 - 100, default);
        var settled = await Store.CheckAsync(Request(client, limits), default);

        Assert.True(holding.IsAdmitted);
        Assert.Equal(LimitKind.TokensPerDay, whileHeld.RefusedBy);
        Assert.True(settled.IsAdmitted);
    }

    [Fact]
    public async Task The_daily_budget_counts_every_client_together()
    {
        var limits = Limits(budget: 50);

        await Store.AddTokensAsync(NewClient(), 30, default);
        var under = await Store.CheckAsync(Request(NewClient(), limits), default);
        await Store.AddTokensAsync(NewClient(), 20, default);
        var spent = await Store.CheckAsync(Request(NewClient(), limits), default);

        Assert.True(under.IsAdmitted);
        Assert.Equal(LimitKind.DailyTokenBudget, spent.RefusedBy);
    }
}

namespace AiChat.Core.Limits;

/// <summary>
/// Limits for one instance, in memory. One lock makes every check atomic; it is held for a few dictionary
/// operations, so it costs less than the request's own parsing. Idle clients are swept once a minute.
/// </summary>
internal sealed class MemoryLimitStore(TimeProvider time) : ILimitStore
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, ClientCounters> _clients = [];
    private string _budgetDay = "";
    private long _budgetSpent;
    private DateTimeOffset _nextSweep;

    public Task<LimitDecision> CheckAsync(LimitCheck check, CancellationToken cancellationToken)
    {
        var limits = check.Limits;
        var now = time.GetUtcNow();
        var day = LimitDay.Of(now);
        lock (_lock)
        {
            SweepIdle(now, day);
            var client = CountersOf(check.Client);
            client.StartDay(day);
            if (limits.DailyTokenBudget > 0 && SpentToday(day) >= limits.DailyTokenBudget)
            {
                return Refused(LimitKind.DailyTokenBudget, LimitDay.LeftOf(now));
            }

            if (limits.TokensPerDay > 0 && client.Tokens >= limits.TokensPerDay)
            {
                return Refused(LimitKind.TokensPerDay, LimitDay.LeftOf(now));
            }

            if (now >= client.WindowEnd)
            {
                client.WindowEnd = now + Window;
                client.Requests = 0;
            }

            if (limits.RequestsPerMinute > 0 && client.Requests >= limits.RequestsPerMinute)
            {
                return Refused(LimitKind.RequestsPerMinute, client.WindowEnd - now);
            }

            if (check.IsStream && limits.ConcurrentStreams > 0 && client.Streams >= limits.ConcurrentStreams)
            {
                return Refused(LimitKind.ConcurrentStreams, TimeSpan.Zero);
            }

            client.Requests++;
            if (check.IsStream)
            {
                client.Streams++;
            }

            if (check.Tokens > 0 && limits.CountsTokens)
            {
                client.Tokens += check.Tokens;
                _budgetSpent = SpentToday(day) + check.Tokens;
            }
        }

        return Task.FromResult(LimitDecision.Admitted);
    }

    public Task ReleaseStreamAsync(string client, string lease, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_clients.TryGetValue(client, out var counters) && counters.Streams > 0)
            {
                counters.Streams--;
            }
        }

        return Task.CompletedTask;
    }

    public Task AddTokensAsync(string client, long tokens, CancellationToken cancellationToken)
    {
        var day = LimitDay.Of(time.GetUtcNow());
        lock (_lock)
        {
            var counters = CountersOf(client);
            counters.StartDay(day);
            // A give-back larger than the day holds (the day turned while a turn ran) leaves the new day at zero.
            counters.Tokens = Math.Max(0, counters.Tokens + tokens);
            _budgetSpent = Math.Max(0, SpentToday(day) + tokens);
        }

        return Task.CompletedTask;
    }

    public Task<bool> TryTakeToolCallAsync(string client, int perDay, CancellationToken cancellationToken)
    {
        var day = LimitDay.Of(time.GetUtcNow());
        lock (_lock)
        {
            var counters = CountersOf(client);
            counters.StartDay(day);
            if (counters.ToolCalls >= perDay)
            {
                return Task.FromResult(false);
            }

            counters.ToolCalls++;
        }

        return Task.FromResult(true);
    }

    private static Task<LimitDecision> Refused(LimitKind kind, TimeSpan retryAfter) => Task.FromResult(new LimitDecision(kind, retryAfter));

    private long SpentToday(string day)
    {
        if (_budgetDay != day)
        {
            _budgetDay = day;
            _budgetSpent = 0;
        }

        return _budgetSpent;
    }

    private ClientCounters CountersOf(string client)
    {
        if (!_clients.TryGetValue(client, out var counters))
        {
            counters = new ClientCounters();
            _clients.Add(client, counters);
        }

        return counters;
    }

    private void SweepIdle(DateTimeOffset now, string day)
    {
        if (now < _nextSweep)
        {
            return;
        }

        _nextSweep = now + Window;
        foreach (var (client, counters) in _clients)
        {
            if (now >= counters.WindowEnd && counters.Streams == 0 && ((counters.Tokens == 0 && counters.ToolCalls == 0) || counters.Day != day))
            {
                _clients.Remove(client);
            }
        }
    }

    private sealed class ClientCounters
    {
        public DateTimeOffset WindowEnd { get; set; }

        public int Requests { get; set; }

        public int Streams { get; set; }

        public string Day { get; private set; } = "";

        public long Tokens { get; set; }

        public int ToolCalls { get; set; }

        public void StartDay(string day)
        {
            if (Day != day)
            {
                Day = day;
                Tokens = 0;
                ToolCalls = 0;
            }
        }
    }
}

using AiChat.Core.Redis;
using StackExchange.Redis;

namespace AiChat.Core.Limits;

/// <summary>
/// Limits shared by every instance, in Redis. A check is one Lua script, which Redis runs atomically: it reads
/// every counter, and either refuses or takes the request and the stream slot, so concurrent checks on any number
/// of instances admit exactly the limit. Stream slots are sorted-set members scored by an expiry on Redis's
/// clock, so the slots of an instance that died free themselves after <see cref="StreamLeaseLifetime"/>.
/// </summary>
internal sealed class RedisLimitStore(RedisConnection redis, TimeProvider time) : ILimitStore
{
    public static readonly TimeSpan StreamLeaseLifetime = TimeSpan.FromMinutes(30);

    private const long WindowMilliseconds = 60_000;

    // KEYS: 1 app's tokens today, 2 client's tokens today, 3 client's request window, 4 client's open streams.
    // ARGV: 1 budget, 2 tokens per day, 3 requests per minute, 4 streams (0: not a stream, or off), 5 lease, 6 lease ms,
    // 7 tokens the request holds (0: none), 8 ms the day keys are kept.
    // Returns {refused limit (0: admitted), milliseconds until the request window frees}.
    private const string CheckScript = """
        local budget, tokensPerDay = tonumber(ARGV[1]), tonumber(ARGV[2])
        if budget > 0 and tonumber(redis.call('GET', KEYS[1]) or '0') >= budget then return {1, 0} end
        if tokensPerDay > 0 and tonumber(redis.call('GET', KEYS[2]) or '0') >= tokensPerDay then return {2, 0} end
        local requests = tonumber(ARGV[3])
        if requests > 0 and tonumber(redis.call('GET', KEYS[3]) or '0') >= requests then return {3, redis.call('PTTL', KEYS[3])} end
        local streams = tonumber(ARGV[4])
        if streams > 0 then
          local t = redis.call('TIME')
          local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
          redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', now)
          if redis.call('ZCARD', KEYS[4]) >= streams then return {4, 0} end
          redis.call('ZADD', KEYS[4], now + tonumber(ARGV[6]), ARGV[5])
          redis.call('PEXPIRE', KEYS[4], ARGV[6])
        end
        if requests > 0 and redis.call('INCR', KEYS[3]) == 1 then redis.call('PEXPIRE', KEYS[3], 60000) end
        local held = tonumber(ARGV[7])
        if held > 0 then
          for i = 1, 2 do
            redis.call('INCRBY', KEYS[i], held)
            redis.call('PEXPIRE', KEYS[i], ARGV[8])
          end
        end
        return {0, 0}
        """;

    // KEYS: 1 app's tokens today, 2 client's tokens today. ARGV: 1 tokens (negative gives back), 2 ms the day keys are kept.
    // A give-back larger than a key holds (the day turned while a turn ran) leaves it at zero.
    private const string AddTokensScript = """
        for _, key in ipairs(KEYS) do
          if redis.call('INCRBY', key, ARGV[1]) < 0 then redis.call('SET', key, 0) end
          redis.call('PEXPIRE', key, ARGV[2])
        end
        return 0
        """;

    // KEYS: 1 client's geo tool calls today. ARGV: 1 calls per day, 2 ms the day key is kept. Returns 1 when the call is taken.
    private const string TakeToolCallScript = """
        if tonumber(redis.call('GET', KEYS[1]) or '0') >= tonumber(ARGV[1]) then return 0 end
        redis.call('INCR', KEYS[1])
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        return 1
        """;

    public async Task<LimitDecision> CheckAsync(LimitCheck check, CancellationToken cancellationToken)
    {
        var limits = check.Limits;
        var now = time.GetUtcNow();
        var day = LimitDay.Of(now);
        var database = await redis.GetDatabaseAsync();
        var result = (RedisResult[])(await database.ScriptEvaluateAsync(
            CheckScript,
            [BudgetKey(day), TokensKey(check.Client, day), "aichat:limit:requests:" + check.Client, StreamsKey(check.Client)],
            [limits.DailyTokenBudget, limits.TokensPerDay, limits.RequestsPerMinute, check.IsStream ? limits.ConcurrentStreams : 0,
             check.StreamLease ?? "", (long)StreamLeaseLifetime.TotalMilliseconds,
             limits.CountsTokens ? check.Tokens : 0, (long)KeepDayKeys(now).TotalMilliseconds]))!;
        var refused = (LimitKind)(int)result[0];
        return refused switch
        {
            LimitKind.None => LimitDecision.Admitted,
            LimitKind.DailyTokenBudget or LimitKind.TokensPerDay => new LimitDecision(refused, LimitDay.LeftOf(now)),
            // PTTL is -1 only for a window key someone else wrote without an expiry; a whole window is the safe answer.
            LimitKind.RequestsPerMinute => new LimitDecision(refused, TimeSpan.FromMilliseconds((long)result[1] is var ms and >= 0 ? ms : WindowMilliseconds)),
            _ => new LimitDecision(refused, TimeSpan.Zero),
        };
    }

    public async Task ReleaseStreamAsync(string client, string lease, CancellationToken cancellationToken) =>
        await (await redis.GetDatabaseAsync()).SortedSetRemoveAsync(StreamsKey(client), lease);

    public async Task AddTokensAsync(string client, long tokens, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var day = LimitDay.Of(now);
        await (await redis.GetDatabaseAsync()).ScriptEvaluateAsync(
            AddTokensScript, [BudgetKey(day), TokensKey(client, day)], [tokens, (long)KeepDayKeys(now).TotalMilliseconds]);
    }

    public async Task<bool> TryTakeToolCallAsync(string client, int perDay, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var taken = await (await redis.GetDatabaseAsync()).ScriptEvaluateAsync(
            TakeToolCallScript, [$"aichat:limit:toolcalls:{LimitDay.Of(now)}:{client}"], [perDay, (long)KeepDayKeys(now).TotalMilliseconds]);
        return (int)taken == 1;
    }

    private static TimeSpan KeepDayKeys(DateTimeOffset now) => LimitDay.LeftOf(now) + TimeSpan.FromHours(1);

    private static string BudgetKey(string day) => "aichat:limit:budget:" + day;

    private static string TokensKey(string client, string day) => $"aichat:limit:tokens:{day}:{client}";

    private static string StreamsKey(string client) => "aichat:limit:streams:" + client;
}

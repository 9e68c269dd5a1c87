using AiChat.Core.Redis;

namespace AiChat.Functions.Tests.Hosts.Limits;

/// <summary>Limits held in one real Redis by two instances, as a scaled-out Function App or a load balancer runs them.</summary>
public sealed class SharedLimitTests(RedisServer redis) : EmulatorPerTest, IClassFixture<RedisServer>
{
    [Theory]
    [MemberData(nameof(AiChatHosts.ScaledOut), MemberType = typeof(AiChatHosts))]
    public async Task Fifty_concurrent_requests_spread_over_two_instances_against_a_limit_of_ten_admit_exactly_ten(HostKind firstHost, HostKind secondHost)
    {
        await using var instances = await StartTwoAsync(firstHost, secondHost, Settings(new() { ["RATE_LIMIT_REQUESTS_PER_MINUTE"] = "10" }));
        var (user, marker) = (NewUser(), Marker());

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            LimitedChat.SendAsync(instances.Alternate(i), LimitedChat.Completions, marker, principal: user)));

        Assert.Equal(10, answers.Count(a => a.Status == 200));
        Assert.Equal(40, answers.Count(a => a.Status == 429));
        Assert.Equal(10, RequestsWith(marker));
    }

    [Theory]
    [MemberData(nameof(AiChatHosts.ScaledOut), MemberType = typeof(AiChatHosts))]
    public async Task Fifty_concurrent_requests_over_two_instances_against_a_small_token_limit_pass_it_by_at_most_one_answer(HostKind firstHost, HostKind secondHost)
    {
        await using var instances = await StartTwoAsync(firstHost, secondHost, Settings(new() { ["RATE_LIMIT_TOKENS_PER_DAY"] = "40" }));
        var user = NewUser();

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            LimitedChat.SendAsync(instances.Alternate(i), LimitedChat.Completions, "one two three", principal: user)));

        TokenBurst.AssertWithinOneAnswer(answers, limit: 40);
    }

    [Theory]
    [MemberData(nameof(AiChatHosts.Every), MemberType = typeof(AiChatHosts))]
    public async Task Retry_after_is_the_time_the_window_has_left_in_redis(HostKind host)
    {
        await using var app = await StartAsync(host, Settings(new() { ["RATE_LIMIT_REQUESTS_PER_MINUTE"] = "1" }));
        using var client = app.CreateClient();
        await using var probe = new RedisConnection(redis.Connection);
        var database = await probe.GetDatabaseAsync();
        var user = NewUser();

        var admitted = await LimitedChat.SendAsync(client, LimitedChat.Completions, "hi", principal: user);
        // The window is shortened to 7.5 s, as if 52.5 s of it had passed: no test waits a minute.
        await database.KeyExpireAsync("aichat:limit:requests:user:" + user, TimeSpan.FromMilliseconds(7_500));
        var refused = await LimitedChat.SendAsync(client, LimitedChat.Completions, "hi", principal: user);
        var left = (await database.KeyTimeToLiveAsync("aichat:limit:requests:user:" + user))!.Value;

        Assert.Equal(200, admitted.Status);
        Assert.Equal(429, refused.Status);
        Assert.Equal(TimeSpan.FromSeconds(8), refused.Response.Headers.RetryAfter!.Delta);
        Assert.InRange(left, TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(7.5));
    }

    private Dictionary<string, string?> Settings(Dictionary<string, string?> limits)
    {
        limits["SESSION_STORE"] = "redis";
        limits["REDIS_CONNECTION"] = redis.Connection;
        limits["TRUST_EASY_AUTH"] = "true";
        limits["WEBSITE_AUTH_ENABLED"] = "true";
        return limits;
    }

    // Each test is its own signed-in user, so counters left in the class's Redis by another test do not count.
    private static string NewUser() => "u" + Guid.NewGuid().ToString("N");
}

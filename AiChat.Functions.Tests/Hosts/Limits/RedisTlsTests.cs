using AiChat.Core.Limits;
using AiChat.Core.Redis;
using StackExchange.Redis;

namespace AiChat.Functions.Tests.Hosts.Limits;

/// <summary>Sessions and limits in a Redis that serves only TLS, as Azure Cache for Redis does, with the certificate checked.</summary>
public sealed class RedisTlsTests(RedisTlsServer redis) : IClassFixture<RedisTlsServer>
{
    [Theory]
    [MemberData(nameof(AiChatHosts.Every), MemberType = typeof(AiChatHosts))]
    public async Task Sessions_and_limits_work_over_tls_with_the_ca_the_settings_name(HostKind host)
    {
        await using var emulator = await DashScopeEmulator.StartAsync(new EmulatorOptions { ApiKey = EmulatedBackend.ApiKey });
        await using var app = await AiChatHosts.StartAsync(host, emulator, "/api/v1", new Dictionary<string, string?>
        {
            ["SESSION_STORE"] = "redis",
            ["REDIS_CONNECTION"] = redis.Connection,
            ["REDIS_CA_CERTIFICATE"] = redis.CaCertificatePath,
            ["RATE_LIMIT_REQUESTS_PER_MINUTE"] = "2",
            ["RATE_LIMIT_WHEN_STORE_UNAVAILABLE"] = "closed",
            ["TRUST_EASY_AUTH"] = "true",
            ["WEBSITE_AUTH_ENABLED"] = "true",
        });
        using var client = app.CreateClient();
        var user = "u" + Guid.NewGuid().ToString("N");

        using var turn = LimitedChat.Request(LimitedChat.Events, "hello over tls", principal: user);
        using var started = await client.SendAsync(turn);
        var sessionId = (await TypedEvents.ReadAsync(started))[0].Data.GetProperty("session_id").GetString();
        using var read = new HttpRequestMessage(HttpMethod.Get, $"/api/sessions/{sessionId}") { Headers = { { "X-MS-CLIENT-PRINCIPAL-ID", user } } };
        using var stored = await client.SendAsync(read);
        var second = await LimitedChat.SendAsync(client, LimitedChat.Completions, "hi", principal: user);
        var third = await LimitedChat.SendAsync(client, LimitedChat.Completions, "hi", principal: user);

        Assert.Equal(2, (await Json.ReadAsync(stored)).GetProperty("messages").GetArrayLength());
        Assert.Equal([200, 429], [second.Status, third.Status]);
    }

    [Fact]
    public async Task A_certificate_from_a_ca_nobody_named_is_refused()
    {
        await using var untrusting = new RedisConnection(redis.Connection + ",connectTimeout=2000");
        var store = new RedisLimitStore(untrusting, TimeProvider.System);
        await using var trusting = new RedisConnection(redis.Connection, redis.CaCertificatePath);
        var sessions = new RedisSessionStore(trusting, Microsoft.Extensions.Options.Options.Create(new AiChat.Core.Configuration.SessionOptions()));

        var refused = await Record.ExceptionAsync(() => store.CheckAsync(new LimitCheck("ip:test", null, new LimitOptions()), default));
        await sessions.CreateAsync("tls-check", SessionOwners.Anonymous, default);

        Assert.IsType<RedisConnectionException>(refused);
        Assert.NotNull(await sessions.GetAsync("tls-check", SessionOwners.Anonymous, default));
    }
}

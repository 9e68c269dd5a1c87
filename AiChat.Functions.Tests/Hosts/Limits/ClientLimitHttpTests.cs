namespace AiChat.Functions.Tests.Hosts.Limits;

/// <summary>The limits over real sockets, on both hosts, each test with its own host and settings.</summary>
public sealed class ClientLimitHttpTests : EmulatorPerTest
{
    [Theory]
    [MemberData(nameof(AiChatHosts.Every), MemberType = typeof(AiChatHosts))]
    public async Task Over_the_per_minute_limit_every_chat_endpoint_answers_429_naming_the_limit_and_nothing_goes_upstream(HostKind host)
    {
        await using var app = await StartAsync(host, new() { ["RATE_LIMIT_REQUESTS_PER_MINUTE"] = "2" });
        using var client = app.CreateClient();
        var marker = Marker();

        var admitted = new[]
        {
            await LimitedChat.SendAsync(client, LimitedChat.Completions, marker),
            await LimitedChat.SendAsync(client, LimitedChat.Stream, marker),
        };
        var refused = new[]
        {
            await LimitedChat.SendAsync(client, LimitedChat.Completions, marker),
            await LimitedChat.SendAsync(client, LimitedChat.Stream, marker),
            await LimitedChat.SendAsync(client, LimitedChat.Events, marker),
        };

        Assert.All(admitted, r => Assert.Equal(200, r.Status));
        Assert.All(refused, r =>
        {
            Assert.Equal(429, r.Status);
            var error = Json.Parse(r.Body);
            Assert.Equal("requests_per_minute_exceeded", error.GetProperty("code").GetString());
            Assert.Equal("RATE_LIMIT_REQUESTS_PER_MINUTE", error.GetProperty("limit").GetString());
            Assert.InRange(r.Response.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        });
        Assert.Equal(2, RequestsWith(marker));
    }

    [Theory]
    [MemberData(nameof(AiChatHosts.Every), MemberType = typeof(AiChatHosts))]
    public async Task A_forwarded_for_header_from_an_untrusted_peer_changes_nothing(HostKind host)
    {
        await using var app = await StartOnePerMinuteAsync(host, trustedProxies: "10.0.0.0/8");
        var marker = Marker();

        var statuses = await SendForwardedAsync(app, marker, "203.0.113.1", "203.0.113.2", "203.0.113.3, 10.0.0.1");

        Assert.Equal([200, 429, 429], statuses);
        Assert.Equal(1, RequestsWith(marker));
    }

    [Theory]
    [MemberData(nameof(AiChatHosts.Every), MemberType = typeof(AiChatHosts))]
    public async Task A_trusted_proxys_forwarded_for_names_the_client_and_under_functions_the_host_forwards_its_own_peer(HostKind host)
    {
        // The test client plays the proxy: it connects from loopback and writes the address it "forwards".
        await using var app = await StartOnePerMinuteAsync(host, trustedProxies: "127.0.0.1,::1");

        var statuses = await SendForwardedAsync(app, Marker(), "203.0.113.1", "203.0.113.1", "203.0.113.2", "203.0.113.2:50123");

        if (host.IsKestrel())
        {
            Assert.Equal([200, 429, 200, 429], statuses);
            Assert.Contains(app.LogLines, l => l.TrimEnd().EndsWith("client ip:203.0.113.1", StringComparison.Ordinal));
        }
        else
        {
            // The Functions host forwards with YARP's default transformer, which sets X-Forwarded-For to the host's own
            // peer; the worker's forwarded-headers middleware takes that hop. What the caller wrote never reaches AiChat.
            Assert.Equal([200, 429, 429, 429], statuses);
            var refusals = app.LogLines.Where(l => l.Contains("Refused by", StringComparison.Ordinal)).ToList();
            Assert.Equal(3, refusals.Count);
            Assert.All(refusals, l => Assert.EndsWith("client ip:127.0.0.1", l.TrimEnd(), StringComparison.Ordinal));
        }
    }

    // Self-host only: under Functions the host replaces X-Forwarded-For with its own peer (see the test above).
    [Fact]
    public async Task Ipv6_callers_forwarded_by_a_trusted_proxy_are_one_client_per_64_network()
    {
        await using var app = await StartOnePerMinuteAsync(HostKind.SelfHost, trustedProxies: "127.0.0.1,::1");
        var marker = Marker();

        var statuses = await SendForwardedAsync(app, marker, "2001:db8:1:2::1", "[2001:db8:1:2:abcd::99]:443", "2001:db8:1:3::1");

        Assert.Equal([200, 429, 200], statuses);
        Assert.Equal(2, RequestsWith(marker));
    }

    [Theory]
    [MemberData(nameof(AiChatHosts.Every), MemberType = typeof(AiChatHosts))]
    public async Task The_easy_auth_principal_names_the_client_only_when_trust_easy_auth_is_set(HostKind host)
    {
        await using var trusting = await StartAsync(host, new() { ["RATE_LIMIT_REQUESTS_PER_MINUTE"] = "1", ["TRUST_EASY_AUTH"] = "true", ["WEBSITE_AUTH_ENABLED"] = "true" });
        await using var untrusting = await StartAsync(host, new() { ["RATE_LIMIT_REQUESTS_PER_MINUTE"] = "1" });
        using var trustingClient = trusting.CreateClient();
        using var untrustingClient = untrusting.CreateClient();

        var alice = await LimitedChat.SendAsync(trustingClient, LimitedChat.Completions, "hi", principal: "alice");
        var bob = await LimitedChat.SendAsync(trustingClient, LimitedChat.Completions, "hi", principal: "bob");
        var aliceAgain = await LimitedChat.SendAsync(trustingClient, LimitedChat.Completions, "hi", principal: "alice");
        var claimsAlice = await LimitedChat.SendAsync(untrustingClient, LimitedChat.Completions, "hi", principal: "alice");
        var claimsBob = await LimitedChat.SendAsync(untrustingClient, LimitedChat.Completions, "hi", principal: "bob");

        Assert.Equal([200, 200, 429], [alice.Status, bob.Status, aliceAgain.Status]);
        Assert.Equal([200, 429], [claimsAlice.Status, claimsBob.Status]);
    }

    [Theory]
    [MemberData(nameof(AiChatHosts.Every), MemberType = typeof(AiChatHosts))]
    public async Task A_client_may_hold_only_its_concurrent_streams_while_completions_go_on_and_an_ended_stream_frees_its_slot(HostKind host)
    {
        await using var app = await StartAsync(host, new() { ["RATE_LIMIT_CONCURRENT_STREAMS"] = "1" });
        using var client = app.CreateClient();

        using var open = LimitedChat.Request(LimitedChat.Stream, "a slow answer with several words [[chunk-delay-ms:200]]");
        using var held = await client.SendAsync(open, HttpCompletionOption.ResponseHeadersRead);
        var second = await LimitedChat.SendAsync(client, LimitedChat.Events, "another");
        var completion = await LimitedChat.SendAsync(client, LimitedChat.Completions, "not a stream");
        // The slot is freed before the response ends, so once the held stream has been read to its end a new one gets in.
        await held.Content.ReadAsStringAsync();
        var afterwards = await LimitedChat.SendAsync(client, LimitedChat.Events, "another");

        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        Assert.Equal(200, afterwards.Status);
        Assert.Equal(429, second.Status);
        Assert.Equal("RATE_LIMIT_CONCURRENT_STREAMS", Json.Parse(second.Body).GetProperty("limit").GetString());
        Assert.Equal("1", second.Response.Headers.GetValues("Retry-After").Single());
        Assert.Equal(200, completion.Status);
    }

    public static TheoryData<HostKind, string, string> TokenCases()
    {
        var cases = new TheoryData<HostKind, string, string>();
        foreach (var host in new[] { HostKind.SelfHost, HostKind.Functions })
        {
            foreach (var protocol in new[] { "/api/v1", "/compatible-mode/v1" })
            {
                foreach (var endpoint in new[] { LimitedChat.Completions, LimitedChat.Stream, LimitedChat.Events })
                {
                    cases.Add(host, protocol, endpoint);
                }
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(TokenCases))]
    public async Task Tokens_per_day_follow_the_usage_dashscope_reports(HostKind host, string protocol, string endpoint)
    {
        // The emulator reports a word a token: "one" is 1 prompt + 3 answer ("You said: one") = 4; five words are 5 + 7 = 12.
        await using var app = await StartAsync(host, new() { ["RATE_LIMIT_TOKENS_PER_DAY"] = "12" }, protocol);
        using var client = app.CreateClient();

        var four = await LimitedChat.SendAsync(client, endpoint, "one");
        var twelve = await LimitedChat.SendAsync(client, endpoint, "one two three four five");
        var over = await LimitedChat.SendAsync(client, endpoint, "one");

        Assert.Equal([200, 200, 429], [four.Status, twelve.Status, over.Status]);
        Assert.Equal("tokens_per_day_exceeded", Json.Parse(over.Body).GetProperty("code").GetString());
        var untilMidnight = DateTime.UtcNow.Date.AddDays(1) - DateTime.UtcNow;
        Assert.InRange(over.Response.Headers.RetryAfter!.Delta!.Value, untilMidnight - TimeSpan.FromMinutes(1), untilMidnight + TimeSpan.FromMinutes(1));
    }

    [Theory]
    [MemberData(nameof(AiChatHosts.Every), MemberType = typeof(AiChatHosts))]
    public async Task The_daily_token_budget_refuses_every_client_with_503_once_spent(HostKind host)
    {
        await using var app = await StartAsync(host, new() { ["DAILY_TOKEN_BUDGET"] = "8", ["TRUST_EASY_AUTH"] = "true", ["WEBSITE_AUTH_ENABLED"] = "true" });
        using var client = app.CreateClient();

        var spends = await LimitedChat.SendAsync(client, LimitedChat.Completions, "one two three", principal: "alice");
        var refused = await LimitedChat.SendAsync(client, LimitedChat.Stream, "one", principal: "bob");

        Assert.Equal([200, 503], [spends.Status, refused.Status]);
        var error = Json.Parse(refused.Body);
        Assert.Equal("daily_token_budget_exhausted", error.GetProperty("code").GetString());
        Assert.Equal("DAILY_TOKEN_BUDGET", error.GetProperty("limit").GetString());
        Assert.NotNull(refused.Response.Headers.RetryAfter);
    }

    [Theory]
    [MemberData(nameof(AiChatHosts.Every), MemberType = typeof(AiChatHosts))]
    public async Task Unreachable_redis_lets_requests_through_with_an_error_logged_or_refuses_them_when_closed(HostKind host)
    {
        var unreachable = new Dictionary<string, string?> { ["SESSION_STORE"] = "redis", ["REDIS_CONNECTION"] = "127.0.0.1:1", ["RATE_LIMIT_REQUESTS_PER_MINUTE"] = "1" };
        await using var open = await StartAsync(host, unreachable);
        await using var closed = await StartAsync(host, new(unreachable) { ["RATE_LIMIT_WHEN_STORE_UNAVAILABLE"] = "closed" });
        using var openClient = open.CreateClient();
        using var closedClient = closed.CreateClient();

        var first = await LimitedChat.SendAsync(openClient, LimitedChat.Completions, "hi");
        var second = await LimitedChat.SendAsync(openClient, LimitedChat.Completions, "hi");
        var refused = await LimitedChat.SendAsync(closedClient, LimitedChat.Completions, "hi");

        Assert.Equal([200, 200], [first.Status, second.Status]);
        Assert.Contains(open.LogLines, l => l.Contains("LIMITS NOT ENFORCED", StringComparison.Ordinal));
        Assert.Equal(503, refused.Status);
        Assert.Equal("limits_unavailable", Json.Parse(refused.Body).GetProperty("code").GetString());
    }

    private Task<IAiChatHost> StartOnePerMinuteAsync(HostKind host, string trustedProxies) =>
        StartAsync(host, new() { ["RATE_LIMIT_REQUESTS_PER_MINUTE"] = "1", ["TRUSTED_PROXIES"] = trustedProxies });

    /// <summary>Sends one completion per forwarded-for value, in order, from one client; returns the statuses.</summary>
    private static async Task<int[]> SendForwardedAsync(IAiChatHost app, string marker, params string[] forwardedFor)
    {
        using var client = app.CreateClient();
        var statuses = new int[forwardedFor.Length];
        for (var i = 0; i < forwardedFor.Length; i++)
        {
            statuses[i] = (await LimitedChat.SendAsync(client, LimitedChat.Completions, marker, forwardedFor: forwardedFor[i])).Status;
        }

        return statuses;
    }
}

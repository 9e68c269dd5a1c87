using System.Net.Sockets;

namespace AiChat.Functions.Tests.Hosts.Hosting;

/// <summary>How AiChat starts with the configurations a user would give it, on every host where the behaviour is an HTTP one.</summary>
public sealed class HostingTests
{
    [Theory]
    [MemberData(nameof(AiChatHosts.Every), MemberType = typeof(AiChatHosts))]
    public async Task Production_without_a_key_keeps_health_up_and_answers_chat_with_503(HostKind host)
    {
        await using var app = await AiChatHosts.StartAsync(host, new Dictionary<string, string?>(), "Production");
        using var client = app.CreateClient();

        await ChatUnavailable.AssertAsync(client, "DASHSCOPE_API_KEY");
    }

    [Theory]
    [MemberData(nameof(AiChatHosts.Every), MemberType = typeof(AiChatHosts))]
    public async Task Key_appears_in_no_response_and_no_log_line_even_when_the_upstream_refuses_it(HostKind host)
    {
        await using var emulator = await DashScopeEmulator.StartAsync(new EmulatorOptions { ApiKey = EmulatedBackend.ApiKey });
        await using var app = await AiChatHosts.StartAsync(host, emulator, "/compatible-mode/v1");
        using var client = app.CreateClient();

        List<string> bodies = [];
        foreach (var (path, fault) in new[] { ("/api/chat/completions", "invalid-key"), ("/api/chat/stream", "invalid-key"), ("/api/chat/completions", "internal-error"), ("/api/chat/stream", "") })
        {
            using var response = await client.PostAsync(path, Json.ChatBody($"hi [[fault:{fault}]]"));
            bodies.Add(await response.Content.ReadAsStringAsync());
        }

        Assert.Contains(app.LogLines, line => line.Contains("upstream_auth_failed", StringComparison.Ordinal));
        Assert.All(bodies, body => Assert.DoesNotContain(EmulatedBackend.ApiKey, body, StringComparison.Ordinal));
        Assert.All(app.LogLines, line => Assert.DoesNotContain(EmulatedBackend.ApiKey, line, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AiChatHosts.Every), MemberType = typeof(AiChatHosts))]
    public async Task Upstream_that_does_not_answer_in_time_is_a_504_and_the_upstream_call_is_abandoned(HostKind host)
    {
        await using var emulator = await DashScopeEmulator.StartAsync(new EmulatorOptions { ApiKey = EmulatedBackend.ApiKey });
        // Two seconds, not less: on a loaded machine a request can take half a second to reach the emulator, and one
        // cancelled before it arrives is never seen aborted.
        await using var app = await AiChatHosts.StartAsync(host, emulator, "/api/v1", new Dictionary<string, string?> { ["UPSTREAM_TIMEOUT_SECONDS"] = "2", ["UPSTREAM_MAX_RETRIES"] = "0" });
        using var client = app.CreateClient();

        await WarmUpAsync(client);
        using var completion = await client.PostAsync("/api/chat/completions", Json.ChatBody("hi [[fault:slow-first-byte]]"));
        using var stream = await client.PostAsync("/api/chat/stream", Json.ChatBody("hi [[fault:slow-first-byte]]"));

        Assert.Equal(HttpStatusCode.GatewayTimeout, completion.StatusCode);
        Assert.Equal(HttpStatusCode.GatewayTimeout, stream.StatusCode);
        Assert.Equal("upstream_timeout", (await Json.ReadAsync(stream)).GetProperty("code").GetString());
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await emulator.WaitForAbortedRequestsAsync(2, patience.Token);
    }

    [Theory]
    [MemberData(nameof(AiChatHosts.Every), MemberType = typeof(AiChatHosts))]
    public async Task Retries_stop_at_the_overall_deadline(HostKind host)
    {
        await using var emulator = await DashScopeEmulator.StartAsync(new EmulatorOptions { ApiKey = EmulatedBackend.ApiKey });
        await using var app = await AiChatHosts.StartAsync(host, emulator, "/compatible-mode/v1", new Dictionary<string, string?>
        {
            // Ten retries of 0.5 s would take over 5 s; the 2.5 s deadline allows at most five attempts, and leaves a loaded
            // machine room for a second one even when the first takes twice its timeout to be given up.
            ["UPSTREAM_TIMEOUT_SECONDS"] = "0.5",
            ["UPSTREAM_MAX_RETRIES"] = "10",
            ["UPSTREAM_DEADLINE_SECONDS"] = "2.5",
            // Short backoffs, so that the second attempt starts well inside the deadline whatever the jitter.
            ["UPSTREAM_RETRY_DELAY_MS"] = "50",
        });
        using var client = app.CreateClient();

        await WarmUpAsync(client);
        var before = emulator.ReceivedRequests;
        using var response = await client.PostAsync("/api/chat/completions", Json.ChatBody("hi [[fault:slow-first-byte]]"));
        var error = await Json.ReadAsync(response, HttpStatusCode.GatewayTimeout);

        Assert.Contains("retries included", error.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.InRange(emulator.ReceivedRequests - before, 2, 5);
    }

    [Theory]
    [MemberData(nameof(AiChatHosts.Every), MemberType = typeof(AiChatHosts))]
    public async Task Stream_that_goes_quiet_is_ended_with_a_timeout_error_event(HostKind host)
    {
        await using var emulator = await DashScopeEmulator.StartAsync(new EmulatorOptions { ApiKey = EmulatedBackend.ApiKey });
        await using var app = await AiChatHosts.StartAsync(host, emulator, "/api/v1", new Dictionary<string, string?> { ["STREAM_IDLE_TIMEOUT_SECONDS"] = "0.5" });
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/api/chat/stream", Json.ChatBody("hi there [[chunk-delay-ms:5000]]"));
        var events = await SseReader.ReadAllAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("[DONE]", events[^1].Data);
        Assert.Equal(504, Json.Parse(events[^2].Data).GetProperty("status").GetInt32());
    }

    [Theory]
    [MemberData(nameof(AiChatHosts.Every), MemberType = typeof(AiChatHosts))]
    public async Task Unreachable_upstream_is_a_502(HostKind host)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var app = await AiChatHosts.StartAsync(host, new Dictionary<string, string?>
        {
            ["DASHSCOPE_API_KEY"] = EmulatedBackend.ApiKey,
            ["DASHSCOPE_BASE_URL"] = $"http://127.0.0.1:{closedPort}/api/v1",
        }, "Production");
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/api/chat/completions", Json.ChatBody("hi"));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("upstream_unreachable", (await Json.ReadAsync(response)).GetProperty("code").GetString());
    }

    /// <summary>
    /// One ordinary call first, so that sub-second upstream timeouts measure the upstream and not a cold worker
    /// process compiling its first upstream call, which on a busy machine can take longer than the timeout itself.
    /// Its answer is not the subject: on a busy machine the warm-up itself may time out, and has still done its work.
    /// </summary>
    private static async Task WarmUpAsync(HttpClient client) =>
        (await client.PostAsync("/api/chat/completions", Json.ChatBody("warm up"))).Dispose();
}

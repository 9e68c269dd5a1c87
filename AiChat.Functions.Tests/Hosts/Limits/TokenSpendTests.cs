namespace AiChat.Functions.Tests.Hosts.Limits;

/// <summary>The spend bound over real sockets, on every host: refused without one, and every turn that reached DashScope counted.</summary>
public sealed class TokenSpendTests : EmulatorPerTest
{
    [Theory]
    [MemberData(nameof(AiChatHosts.Every), MemberType = typeof(AiChatHosts))]
    public async Task Production_with_no_spend_bound_refuses_to_start_naming_the_settings(HostKind host)
    {
        var settings = AiChatHosts.UpstreamSettings(Emulator, "/api/v1", new Dictionary<string, string?> { [TestDefaults.AllowUnboundedSpend] = null });
        var log = new RecordingLoggerProvider();

        var failure = await Record.ExceptionAsync(async () =>
        {
            IAiChatHost started = host switch
            {
                HostKind.SelfHost => AiChatApplication.Start(settings, "Production"),
                HostKind.Functions => await FunctionsApp.StartAsync(settings, "Production", log),
                _ => await ServerProcess.StartNativeAsync(settings, "Production"),
            };
            await started.DisposeAsync();
        });

        Assert.NotNull(failure);
        var told = failure + string.Join('\n', log.Lines);
        Assert.Contains("RATE_LIMIT_TOKENS_PER_DAY", told, StringComparison.Ordinal);
        Assert.Contains("DAILY_TOKEN_BUDGET", told, StringComparison.Ordinal);
        Assert.Contains("ALLOW_UNBOUNDED_SPEND=true", told, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AiChatHosts.Every), MemberType = typeof(AiChatHosts))]
    public async Task A_caller_who_aborts_every_stream_after_the_first_chunk_reaches_its_tokens_per_day(HostKind host)
    {
        // Each stream holds only its prompt and max_tokens 1 while it runs, and the next starts once the last was
        // counted, so only what the aborted turns were counted for can reach the limit. The emulator would answer 22
        // words, one every 300 ms.
        await using var app = await StartAsync(host, new() { ["RATE_LIMIT_TOKENS_PER_DAY"] = "200" });
        // Without draining, disposing a response that was not read to its end closes the connection: the caller is gone.
        using var client = new HttpClient(new SocketsHttpHandler { MaxResponseDrainSize = 0 }) { BaseAddress = app.Address };
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var marker = Marker();
        var message = $"{marker} one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen [[chunk-delay-ms:300]]";

        var aborted = 0;
        (int Status, string Body)? refused = null;
        while (refused is null && aborted < 20)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, LimitedChat.Stream)
            {
                Content = JsonContent.Create(new { messages = new[] { new { role = "user", content = message } }, max_tokens = 1 }),
            };
            using (var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, patience.Token))
            {
                if ((int)response.StatusCode != 200)
                {
                    refused = ((int)response.StatusCode, await response.Content.ReadAsStringAsync(patience.Token));
                    break;
                }

                await foreach (var chunk in SseReader.ReadAsync(response, patience.Token))
                {
                    if (Json.Parse(chunk.Data).GetProperty("content").GetString() is { Length: > 0 })
                    {
                        break;
                    }
                }
            }

            aborted++;
            await app.WaitForLogLinesAsync(l => l.Contains("Counted an estimated", StringComparison.Ordinal), aborted, patience.Token);
        }

        Assert.NotNull(refused);
        Assert.Equal(429, refused.Value.Status);
        Assert.Equal("tokens_per_day_exceeded", Json.Parse(refused.Value.Body).GetProperty("code").GetString());
        // Each aborted turn counts its prompt (some 60 tokens, estimated) and what it streamed: a few reach 200.
        Assert.InRange(aborted, 2, 4);
        Assert.Equal(aborted, RequestsWith(marker));
    }

    [Theory]
    [MemberData(nameof(AiChatHosts.Every), MemberType = typeof(AiChatHosts))]
    public async Task Fifty_concurrent_requests_against_a_small_token_limit_pass_it_by_at_most_one_answer(HostKind host)
    {
        await using var app = await StartAsync(host, new() { ["RATE_LIMIT_TOKENS_PER_DAY"] = "40" });
        using var client = app.CreateClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => LimitedChat.SendAsync(client, LimitedChat.Completions, "one two three")));

        TokenBurst.AssertWithinOneAnswer(answers, limit: 40);
    }
}

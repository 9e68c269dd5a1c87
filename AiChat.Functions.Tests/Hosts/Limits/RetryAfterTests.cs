namespace AiChat.Functions.Tests.Hosts.Limits;

/// <summary>
/// Retry-After against a clock the test moves, which only the in-process self-host allows; the Functions host's
/// Retry-After is proved against Redis's clock instead (<see cref="SharedLimitTests"/>).
/// </summary>
public sealed class RetryAfterTests
{
    [Fact]
    public async Task A_client_that_waits_retry_after_is_admitted_and_one_that_waits_less_is_not()
    {
        await using var emulator = await DashScopeEmulator.StartAsync(new EmulatorOptions { ApiKey = EmulatedBackend.ApiKey });
        var clock = new ManualTimeProvider();
        await using var app = AiChatApplication.Start(emulator, "/api/v1", new Dictionary<string, string?> { ["RATE_LIMIT_REQUESTS_PER_MINUTE"] = "2" },
            services => services.AddSingleton<TimeProvider>(clock));
        using var client = app.CreateClient();

        await LimitedChat.SendAsync(client, LimitedChat.Completions, "one");
        clock.Advance(TimeSpan.FromSeconds(15));
        await LimitedChat.SendAsync(client, LimitedChat.Completions, "two");
        var refused = await LimitedChat.SendAsync(client, LimitedChat.Stream, "three");
        var retryAfter = refused.Response.Headers.RetryAfter!.Delta!.Value;
        clock.Advance(retryAfter - TimeSpan.FromMilliseconds(1));
        var early = await LimitedChat.SendAsync(client, LimitedChat.Stream, "three");
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var onTime = await LimitedChat.SendAsync(client, LimitedChat.Stream, "three");

        Assert.Equal(429, refused.Status);
        Assert.Equal(TimeSpan.FromSeconds(45), retryAfter);
        Assert.Equal(429, early.Status);
        Assert.Equal(200, onTime.Status);
    }
}

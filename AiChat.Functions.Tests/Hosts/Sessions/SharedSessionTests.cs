namespace AiChat.Functions.Tests.Hosts.Sessions;

/// <summary>Two instances over one real Redis, as Functions scale-out or a load balancer would run them, on either host.</summary>
public sealed class SharedSessionTests(RedisServer redis) : EmulatorPerTest, IClassFixture<RedisServer>
{
    [Theory]
    [MemberData(nameof(AiChatHosts.ScaledOut), MemberType = typeof(AiChatHosts))]
    public async Task Conversation_started_on_one_instance_continues_on_the_other(HostKind firstHost, HostKind secondHost)
    {
        await using var instances = await StartTwoAsync(firstHost, secondHost, new() { ["SESSION_STORE"] = "redis", ["REDIS_CONNECTION"] = redis.Connection });
        var marker = Marker();

        var (sessionId, reply) = await TypedEvents.TurnAsync(instances.First, "hello from the first instance");
        await TypedEvents.TurnAsync(instances.Second, $"and the second {marker}", sessionId);
        using var readOnFirst = await instances.First.GetAsync($"/api/sessions/{sessionId}");
        using var deleteOnSecond = await instances.Second.DeleteAsync($"/api/sessions/{sessionId}");
        using var readAfterDelete = await instances.First.GetAsync($"/api/sessions/{sessionId}");

        var upstream = Assert.Single(Emulator.Requests, r => r.Messages[^1].Content.Contains(marker, StringComparison.Ordinal));
        Assert.Equal(["hello from the first instance", reply, $"and the second {marker}"], upstream.Messages.Select(m => m.Content));
        Assert.Equal(4, (await Json.ReadAsync(readOnFirst)).GetProperty("messages").GetArrayLength());
        Assert.Equal(HttpStatusCode.NoContent, deleteOnSecond.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, readAfterDelete.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AiChatHosts.Every), MemberType = typeof(AiChatHosts))]
    public async Task Redis_that_cannot_be_reached_is_a_503_for_sessions_and_leaves_plain_chat_working(HostKind host)
    {
        await using var app = await StartAsync(host, new Dictionary<string, string?> { ["SESSION_STORE"] = "redis", ["REDIS_CONNECTION"] = "127.0.0.1:1" });
        using var client = app.CreateClient();

        using var events = await TypedEvents.PostAsync(client, "hi");
        using var completion = await client.PostAsync("/api/chat/completions", Json.ChatBody("hi"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, events.StatusCode);
        Assert.Equal("session_store_unavailable", (await Json.ReadAsync(events)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, completion.StatusCode);
    }
}

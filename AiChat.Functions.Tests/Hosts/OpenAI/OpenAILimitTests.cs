using System.Net.Http.Headers;

namespace AiChat.Functions.Tests.Hosts.OpenAI;

/// <summary>The per-client limits on /v1, where the client key, not the address, names the client; on both hosts.</summary>
public sealed class OpenAILimitTests : EmulatorPerTest
{
    [Theory]
    [MemberData(nameof(AiChatHosts.Every), MemberType = typeof(AiChatHosts))]
    public async Task Each_client_key_has_its_own_limit_and_over_it_v1_answers_429_in_OpenAIs_envelope_with_nothing_upstream(HostKind host)
    {
        await using var app = await AiChatHosts.StartAsync(host, Emulator, "/compatible-mode/v1", new Dictionary<string, string?>
        {
            ["CLIENT_API_KEYS"] = $"{BackendSettings.ClientKey},{BackendSettings.SecondClientKey}",
            ["RATE_LIMIT_REQUESTS_PER_MINUTE"] = "2",
        });
        using var client = app.CreateClient();

        using var first = await CompleteAsync(client, BackendSettings.ClientKey);
        using var second = await CompleteAsync(client, BackendSettings.ClientKey);
        var upstreamBefore = Emulator.ReceivedRequests;
        using var refused = await CompleteAsync(client, BackendSettings.ClientKey);
        var refusedUpstream = Emulator.ReceivedRequests - upstreamBefore;
        using var otherKey = await CompleteAsync(client, BackendSettings.SecondClientKey);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var error = (await Json.ReadAsync(refused)).GetProperty("error");
        Assert.Equal(("rate_limit_error", "requests_per_minute_exceeded"), (error.GetProperty("type").GetString(), error.GetProperty("code").GetString()));
        Assert.Contains("RATE_LIMIT_REQUESTS_PER_MINUTE", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.InRange(refused.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
        Assert.Equal(0, refusedUpstream);
        Assert.Equal(HttpStatusCode.OK, otherKey.StatusCode);
        Assert.All(app.LogLines, line => Assert.DoesNotContain(BackendSettings.ClientKey, line, StringComparison.Ordinal));
    }

    private static Task<HttpResponseMessage> CompleteAsync(HttpClient client, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
        {
            Content = JsonContent.Create(new { model = "qwen-plus", messages = new[] { new { role = "user", content = "hi" } } }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client.SendAsync(request);
    }
}

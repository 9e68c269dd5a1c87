namespace AiChat.Functions.Tests.DashScope;

/// <summary>The key on each upstream call, and the one retry with a fresher key when DashScope refuses it.</summary>
public sealed class ApiKeyHandlerTests
{
    [Fact]
    public async Task Refused_key_is_refreshed_once_and_the_same_request_sent_again_with_the_new_key()
    {
        var keys = new KeyQueue("sk-old", "sk-new");
        var upstream = new Upstream("sk-new");
        using var client = Client(keys, upstream);

        using var response = await client.SendAsync(Request());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Bearer sk-old", "Bearer sk-new"], upstream.Seen.Select(r => r.Authorization));
        Assert.All(upstream.Seen, r => Assert.Equal(("POST", "https://dashscope.test/api/v1/generation", "enable", """{"model":"qwen-plus"}"""), (r.Method, r.Uri, r.Sse, r.Body)));
        Assert.Equal(1, keys.Refreshes);
    }

    [Fact]
    public async Task Refused_key_with_no_other_to_try_is_not_sent_again()
    {
        var keys = new KeyQueue("sk-only");
        var upstream = new Upstream("sk-valid");
        using var client = Client(keys, upstream);

        using var response = await client.SendAsync(Request());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Single(upstream.Seen);
    }

    [Fact]
    public async Task Fresh_key_refused_too_is_not_retried_again()
    {
        var keys = new KeyQueue("sk-old", "sk-newer", "sk-newest");
        var upstream = new Upstream("sk-newest");
        using var client = Client(keys, upstream);

        using var response = await client.SendAsync(Request());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(["Bearer sk-old", "Bearer sk-newer"], upstream.Seen.Select(r => r.Authorization));
    }

    private static HttpClient Client(IDashScopeKeySource keys, Upstream upstream) =>
        new(new ApiKeyHandler(keys) { InnerHandler = upstream });

    private static HttpRequestMessage Request() => new(HttpMethod.Post, "https://dashscope.test/api/v1/generation")
    {
        Headers = { { "X-DashScope-SSE", "enable" } },
        Content = JsonContent.Create(new { model = "qwen-plus" }),
    };

    /// <summary>Hands out its keys in order: each refresh moves to the next, the last one stays.</summary>
    private sealed class KeyQueue(params string[] keys) : IDashScopeKeySource
    {
        private int _current;

        public int Refreshes { get; private set; }

        public ValueTask<string> GetKeyAsync(CancellationToken cancellationToken) => ValueTask.FromResult(keys[_current]);

        public ValueTask<string> RefreshKeyAsync(string rejectedKey, CancellationToken cancellationToken)
        {
            Refreshes++;
            _current = Math.Min(_current + 1, keys.Length - 1);
            return GetKeyAsync(cancellationToken);
        }

        public ValueTask<ApiKeyStatus> GetStatusAsync(CancellationToken cancellationToken) => ValueTask.FromResult(new ApiKeyStatus("test", null));
    }

    /// <summary>Accepts one key, answers 401 to any other, and keeps what each request looked like.</summary>
    private sealed class Upstream(string validKey) : HttpMessageHandler
    {
        public List<(string Method, string Uri, string? Authorization, string Sse, string Body)> Seen { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var authorization = request.Headers.Authorization?.ToString();
            Seen.Add((request.Method.Method, request.RequestUri!.AbsoluteUri, authorization,
                string.Join(",", request.Headers.GetValues("X-DashScope-SSE")), await request.Content!.ReadAsStringAsync(cancellationToken)));
            return new HttpResponseMessage(authorization == $"Bearer {validKey}" ? HttpStatusCode.OK : HttpStatusCode.Unauthorized);
        }
    }
}

using System.Net.Http.Headers;

namespace AiChat.Functions.Tests.Hosts.OpenAI;

/// <summary>Who may call /v1: a caller presenting one of CLIENT_API_KEYS as a bearer token, no one else.</summary>
public sealed class OpenAIAccessTests(EmulatedBackend backend) : IClassFixture<EmulatedBackend>
{
    public static BackendMatrix Matrix => BackendMatrix.EveryHost.WithSetup(BackendSetup.OpenAIClientKeys);

    [Theory, MatrixData]
    public async Task Models_lists_the_catalogue_in_the_OpenAI_shape_for_either_client_key(BackendVariant on)
    {
        await backend.UseAsync(on);
        foreach (var key in new[] { BackendSettings.ClientKey, BackendSettings.SecondClientKey })
        {
            using var response = await SendAsync(HttpMethod.Get, "/v1/models", key);
            var body = await Json.ReadAsync(response, HttpStatusCode.OK);

            Assert.Equal("list", body.GetProperty("object").GetString());
            var models = body.GetProperty("data").EnumerateArray().ToList();
            Assert.Subset(models.Select(m => m.GetProperty("id").GetString()).ToHashSet(), new HashSet<string?> { "qwen-turbo", "qwen-plus", "qwen-max" });
            Assert.All(models, m =>
            {
                Assert.Equal("model", m.GetProperty("object").GetString());
                Assert.Equal(JsonValueKind.Number, m.GetProperty("created").ValueKind);
                Assert.Equal("alibaba", m.GetProperty("owned_by").GetString());
            });
        }
    }

    [Theory, MatrixData]
    public async Task One_model_is_found_by_id_and_an_unknown_one_is_a_404_in_the_OpenAI_envelope(BackendVariant on)
    {
        await backend.UseAsync(on);
        using var found = await SendAsync(HttpMethod.Get, "/v1/models/qwen-plus", BackendSettings.ClientKey);
        using var missing = await SendAsync(HttpMethod.Get, "/v1/models/no-such-model", BackendSettings.ClientKey);

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal("qwen-plus", (await Json.ReadAsync(found)).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var error = (await Json.ReadAsync(missing)).GetProperty("error");
        Assert.Equal("model_not_found", error.GetProperty("code").GetString());
        Assert.Contains("no-such-model", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MatrixData(null)]
    [MatrixData("Bearer ck-test-wrong-00000000000000")]
    [MatrixData("Bearer ck-test-first-2f9a61c0b7d84e3")]
    [MatrixData("Bearer ck-test-first-2f9a61c0b7d84e35x")]
    [MatrixData("Basic ck-test-first-2f9a61c0b7d84e35")]
    [MatrixData("ck-test-first-2f9a61c0b7d84e35")]
    [MatrixData("Bearer " + EmulatedBackend.ApiKey)]
    public async Task A_missing_or_wrong_key_is_a_401_in_the_OpenAI_envelope_on_every_route(BackendVariant on, string? authorization)
    {
        await backend.UseAsync(on);
        foreach (var (method, path) in new[] { (HttpMethod.Get, "/v1/models"), (HttpMethod.Get, "/v1/models/qwen-plus"), (HttpMethod.Post, "/v1/chat/completions") })
        {
            using var request = new HttpRequestMessage(method, path);
            if (authorization is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }

            if (method == HttpMethod.Post)
            {
                request.Content = Json.ChatBody("unauthorized call 7f3e", "qwen-plus");
            }

            using var response = await backend.Client.SendAsync(request);
            var error = (await Json.ReadAsync(response)).GetProperty("error");

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
            Assert.Equal("invalid_api_key", error.GetProperty("code").GetString());
            Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
            Assert.Equal(JsonValueKind.Null, error.GetProperty("param").ValueKind);
        }

        Assert.Empty(backend.RequestsWith("unauthorized call 7f3e"));
    }

    [Theory, MatrixData]
    public async Task Client_keys_never_appear_in_the_log_or_in_an_answer(BackendVariant on)
    {
        await backend.UseAsync(on);
        using var refused = await SendAsync(HttpMethod.Get, "/v1/models", "ck-test-wrong-but-logged-0000");
        using var answered = await SendAsync(HttpMethod.Post, "/v1/chat/completions", BackendSettings.ClientKey, Json.ChatBody("a logged call", "qwen-plus"));
        var bodies = await refused.Content.ReadAsStringAsync() + await answered.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.NotEmpty(backend.App.LogLines);
        foreach (var key in new[] { BackendSettings.ClientKey, BackendSettings.SecondClientKey, "ck-test-wrong-but-logged-0000" })
        {
            Assert.DoesNotContain(key, bodies, StringComparison.Ordinal);
            Assert.All(backend.App.LogLines, line => Assert.DoesNotContain(key, line, StringComparison.Ordinal));
        }
    }

    [Theory, MatrixData]
    public async Task The_client_key_is_not_sent_upstream_the_DashScope_key_is(BackendVariant on)
    {
        await backend.UseAsync(on);
        using var response = await SendAsync(HttpMethod.Post, "/v1/chat/completions", BackendSettings.ClientKey, Json.ChatBody("which key 91c2", "qwen-plus"));

        // The emulator refuses every key but its own: a 200 means AiChat sent DashScope's key, not the caller's.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(backend.RequestsWith("which key 91c2"));
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string key, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return backend.Client.SendAsync(request);
    }
}

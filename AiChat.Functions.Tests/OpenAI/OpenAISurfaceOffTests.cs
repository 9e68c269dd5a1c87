using System.Net;
using System.Net.Http.Headers;
using AiChat.Functions.Tests.Support;

namespace AiChat.Functions.Tests.OpenAI;

/// <summary>Without CLIENT_API_KEYS the OpenAI-compatible surface does not exist, whatever key a caller sends.</summary>
public abstract class OpenAISurfaceOffTests<TBackend>(TBackend backend) : IClassFixture<TBackend> where TBackend : EmulatedBackend
{
    [Theory]
    [InlineData("GET", "/v1/models")]
    [InlineData("GET", "/v1/models/qwen-plus")]
    [InlineData("POST", "/v1/chat/completions")]
    public async Task Every_v1_route_is_a_404_in_the_OpenAI_envelope(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", OpenAIBackend.ClientKey);
        if (method == "POST")
        {
            request.Content = Json.ChatBody("surface off 5b1d", "qwen-plus");
        }

        using var response = await backend.Client.SendAsync(request);
        var error = (await Json.ReadAsync(response)).GetProperty("error");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not_found", error.GetProperty("code").GetString());
        Assert.Contains("CLIENT_API_KEYS", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(backend.RequestsWith("surface off 5b1d"));
    }
}

public sealed class SelfHostOpenAISurfaceOffTests(NativeBackend backend) : OpenAISurfaceOffTests<NativeBackend>(backend);

public sealed class FunctionsOpenAISurfaceOffTests(NativeFunctionsBackend backend) : OpenAISurfaceOffTests<NativeFunctionsBackend>(backend);

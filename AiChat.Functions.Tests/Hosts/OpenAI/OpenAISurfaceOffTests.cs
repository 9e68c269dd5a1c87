using System.Net.Http.Headers;

namespace AiChat.Functions.Tests.Hosts.OpenAI;

/// <summary>Without CLIENT_API_KEYS the OpenAI-compatible surface does not exist, whatever key a caller sends.</summary>
public sealed class OpenAISurfaceOffTests(EmulatedBackend backend) : IClassFixture<EmulatedBackend>
{
    public static BackendMatrix Matrix => BackendMatrix.EveryHost;

    [Theory]
    [MatrixData("GET", "/v1/models")]
    [MatrixData("GET", "/v1/models/qwen-plus")]
    [MatrixData("POST", "/v1/chat/completions")]
    public async Task Every_v1_route_is_a_404_in_the_OpenAI_envelope(BackendVariant on, string method, string path)
    {
        await backend.UseAsync(on);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BackendSettings.ClientKey);
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

namespace AiChat.Functions.Tests.Hosts.Api;

/// <summary>
/// CORS is the self-host's own. Under Azure Functions it is the Function App's (the platform answers preflights from
/// its allowed origins before the worker sees them), so the Functions app sends no CORS headers of its own.
/// </summary>
public sealed class CorsTests(EmulatedBackend backend) : IClassFixture<EmulatedBackend>
{
    public static BackendMatrix Matrix => BackendMatrix.ForHosts(HostKind.SelfHost, HostKind.NativeSelfHost);

    public static BackendMatrix RestrictedMatrix => Matrix.WithSetup(BackendSetup.RestrictedOrigins);

    public static BackendMatrix FunctionsMatrix => BackendMatrix.ForHosts(HostKind.Functions);

    [Theory]
    [MatrixData("/api/chat/stream")]
    [MatrixData("/api/chat/completions")]
    public async Task Preflight_from_any_origin_is_allowed_by_default(BackendVariant on, string path)
    {
        await backend.UseAsync(on);
        using var response = await backend.Client.SendAsync(Preflight(path, "https://chat.example"));

        Assert.True(response.IsSuccessStatusCode, $"preflight answered {(int)response.StatusCode}");
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("POST", response.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
        Assert.Contains("content-type", response.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory, MatrixData]
    public async Task Simple_request_from_any_origin_gets_the_allow_origin_header(BackendVariant on)
    {
        await backend.UseAsync(on);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/models");
        request.Headers.Add("Origin", "https://chat.example");
        using var response = await backend.Client.SendAsync(request);

        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Theory]
    [MatrixData("https://app.example", Matrix = nameof(RestrictedMatrix))]
    [MatrixData("https://admin.example", Matrix = nameof(RestrictedMatrix))]
    public async Task Listed_origin_is_allowed(BackendVariant on, string origin)
    {
        await backend.UseAsync(on);
        using var response = await backend.Client.SendAsync(CorsTests.Preflight("/api/chat/stream", origin));

        Assert.Equal(origin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Theory]
    [MatrixData(Matrix = nameof(RestrictedMatrix))]
    public async Task Unlisted_origin_gets_no_allow_origin_header(BackendVariant on)
    {
        await backend.UseAsync(on);
        using var response = await backend.Client.SendAsync(CorsTests.Preflight("/api/chat/stream", "https://evil.example"));

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    // The hosts differ here by design: the Functions app leaves CORS to the Function App's platform setting.
    [Theory]
    [MatrixData(Matrix = nameof(FunctionsMatrix))]
    public async Task Functions_app_sends_no_CORS_headers_of_its_own(BackendVariant on)
    {
        await backend.UseAsync(on);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/models");
        request.Headers.Add("Origin", "https://chat.example");
        using var response = await backend.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static HttpRequestMessage Preflight(string path, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return request;
    }
}

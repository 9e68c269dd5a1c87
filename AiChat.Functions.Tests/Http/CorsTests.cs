using System.Net;
using AiChat.Functions.Tests.Support;

namespace AiChat.Functions.Tests.Http;

/// <summary>
/// CORS is the self-host's own. Under Azure Functions it is the Function App's (the platform answers preflights from
/// its allowed origins before the worker sees them), so the Functions app sends no CORS headers: see FunctionsCorsTests.
/// </summary>
public sealed class CorsTests(NativeBackend backend) : IClassFixture<NativeBackend>
{
    [Theory]
    [InlineData("/api/chat/stream")]
    [InlineData("/api/chat/completions")]
    public async Task Preflight_from_any_origin_is_allowed_by_default(string path)
    {
        using var response = await backend.Client.SendAsync(Preflight(path, "https://chat.example"));

        Assert.True(response.IsSuccessStatusCode, $"preflight answered {(int)response.StatusCode}");
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("POST", response.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
        Assert.Contains("content-type", response.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Simple_request_from_any_origin_gets_the_allow_origin_header()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/models");
        request.Headers.Add("Origin", "https://chat.example");
        using var response = await backend.Client.SendAsync(request);

        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    internal static HttpRequestMessage Preflight(string path, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return request;
    }
}

public sealed class RestrictedOriginsBackend : EmulatedBackend
{
    public override HostKind Host => HostKind.SelfHost;

    public override string BasePath => "/api/v1";

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["ALLOWED_ORIGINS"] = "https://app.example, https://admin.example",
    };
}

public sealed class RestrictedCorsTests(RestrictedOriginsBackend backend) : IClassFixture<RestrictedOriginsBackend>
{
    [Theory]
    [InlineData("https://app.example")]
    [InlineData("https://admin.example")]
    public async Task Listed_origin_is_allowed(string origin)
    {
        using var response = await backend.Client.SendAsync(CorsTests.Preflight("/api/chat/stream", origin));

        Assert.Equal(origin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task Unlisted_origin_gets_no_allow_origin_header()
    {
        using var response = await backend.Client.SendAsync(CorsTests.Preflight("/api/chat/stream", "https://evil.example"));

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}

/// <summary>The hosts differ here by design: the Functions app leaves CORS to the Function App's platform setting.</summary>
public sealed class FunctionsCorsTests(NativeFunctionsBackend backend) : IClassFixture<NativeFunctionsBackend>
{
    [Fact]
    public async Task Functions_app_sends_no_CORS_headers_of_its_own()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/models");
        request.Headers.Add("Origin", "https://chat.example");
        using var response = await backend.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}

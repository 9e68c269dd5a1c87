namespace AiChat.Functions.Tests.Hosts.Api;

/// <summary>
/// The self-host answers a path or method it does not serve with a JSON error. The hosts differ here by design: under
/// Azure Functions the host answers with its own empty 404 before the app is involved (FunctionsHostBehaviourTests).
/// </summary>
public sealed class UnknownRouteTests(EmulatedBackend backend) : IClassFixture<EmulatedBackend>
{
    public static BackendMatrix Matrix => BackendMatrix.ForHosts(HostKind.SelfHost, HostKind.NativeSelfHost);

    [Theory, MatrixData]
    public async Task Unknown_route_is_a_404_json_error(BackendVariant on)
    {
        await backend.UseAsync(on);
        using var response = await backend.Client.GetAsync("/api/nothing-here");
        var error = await Json.ReadAsync(response, HttpStatusCode.NotFound);

        Assert.Equal("not_found", error.GetProperty("code").GetString());
    }

    [Theory]
    [MatrixData("GET", "/api/chat/completions")]
    [MatrixData("GET", "/api/chat/stream")]
    [MatrixData("POST", "/api/models")]
    [MatrixData("DELETE", "/health")]
    public async Task Wrong_method_is_a_405_json_error(BackendVariant on, string method, string path)
    {
        await backend.UseAsync(on);
        using var response = await backend.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        var error = await Json.ReadAsync(response, HttpStatusCode.MethodNotAllowed);

        Assert.Equal("method_not_allowed", error.GetProperty("code").GetString());
    }
}

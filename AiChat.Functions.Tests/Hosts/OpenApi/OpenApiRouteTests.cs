namespace AiChat.Functions.Tests.Hosts.OpenApi;

/// <summary>
/// The document and the route table agree: every self-host route is described, and nothing else, but for the document's
/// own route and the OpenAI-compatible /v1 routes, whose reference is OpenAI's own API description (docs/openai-api.md#what-is-supported).
/// </summary>
public sealed class OpenApiRouteTests
{
    [Fact]
    public async Task Document_describes_every_self_host_route_but_itself_and_the_OpenAI_surface_and_no_other()
    {
        await using var selfHost = AiChatApplication.Start(new Dictionary<string, string?>(), "Production");
        var routes = selfHost.Routes()
            .Where(route => route != "GET /openapi/v1.json" && !route.Contains(" /v1/", StringComparison.Ordinal))
            .Order()
            .ToList();
        using var client = selfHost.CreateClient();

        using var response = await client.GetAsync("/openapi/v1.json");
        var document = await Json.ReadAsync(response);

        var described = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name}"))
            .Order()
            .ToList();
        Assert.Equal(routes, described);
    }
}

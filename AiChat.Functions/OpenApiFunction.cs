using AiChat.Core.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AiChat.Functions;

/// <summary>GET /openapi/v1.json: the same OpenAPI document the self-host serves.</summary>
public sealed class OpenApiFunction(OpenApiEndpoint endpoint)
{
    [Function("OpenApi")]
    public Task Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi/v1.json")] HttpRequest request, CancellationToken cancellationToken) =>
        InvocationCancellation.HandleAsync(request, endpoint.HandleAsync, cancellationToken);
}

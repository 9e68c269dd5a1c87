using AiChat.Core.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AiChat.Functions;

/// <summary>GET /openapi/v1.json: the same OpenAPI document the self-host serves.</summary>
public static class OpenApiFunction
{
    [Function("OpenApi")]
    public static Task Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi/v1.json")] HttpRequest request, CancellationToken cancellationToken) =>
        InvocationCancellation.HandleAsync(request, AiChatRequests.OpenApiAsync, cancellationToken);
}

using AiChat.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AiChat.Functions;

/// <summary>GET /health, answered by the core as the self-host answers it.</summary>
public sealed class HealthFunction(HealthEndpoint endpoint)
{
    [Function("Health")]
    public Task Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request, CancellationToken cancellationToken) =>
        InvocationCancellation.HandleAsync(request, endpoint.HandleAsync, cancellationToken);
}

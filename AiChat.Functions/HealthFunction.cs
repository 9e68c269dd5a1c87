using AiChat.Core.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AiChat.Functions;

/// <summary>GET /health, answered by the core as the self-host answers it.</summary>
public static class HealthFunction
{
    [Function("Health")]
    public static Task Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request, CancellationToken cancellationToken) =>
        InvocationCancellation.HandleAsync(request, AiChatRequests.HealthAsync, cancellationToken);
}

using AiChat.Core.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AiChat.Functions;

/// <summary>GET /api/models, answered by the core as the self-host answers it.</summary>
public static class ModelsFunction
{
    [Function("Models")]
    public static Task Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/models")] HttpRequest request, CancellationToken cancellationToken) =>
        InvocationCancellation.HandleAsync(request, AiChatRequests.ModelsAsync, cancellationToken);
}

using AiChat.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AiChat.Functions;

/// <summary>GET /api/models, answered by the core as the self-host answers it.</summary>
public sealed class ModelsFunction(ModelsEndpoint endpoint)
{
    [Function("Models")]
    public Task Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/models")] HttpRequest request, CancellationToken cancellationToken) =>
        InvocationCancellation.HandleAsync(request, endpoint.HandleAsync, cancellationToken);
}

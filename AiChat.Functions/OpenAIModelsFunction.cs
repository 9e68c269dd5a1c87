using AiChat.Core.OpenAI;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AiChat.Functions;

/// <summary>GET /v1/models. Anonymous to the Functions host: the core checks the client key (CLIENT_API_KEYS).</summary>
public sealed class OpenAIModelsFunction(OpenAIModelsEndpoint endpoint)
{
    [Function("OpenAIModels")]
    public Task Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/models")] HttpRequest request, CancellationToken cancellationToken) =>
        InvocationCancellation.HandleAsync(request, endpoint.ListAsync, cancellationToken);
}

using AiChat.Core.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AiChat.Functions;

/// <summary>GET /v1/models. Anonymous to the Functions host: the core checks the client key (CLIENT_API_KEYS).</summary>
public static class OpenAIModelsFunction
{
    [Function("OpenAIModels")]
    public static Task Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/models")] HttpRequest request, CancellationToken cancellationToken) =>
        InvocationCancellation.HandleAsync(request, AiChatRequests.OpenAIModelsAsync, cancellationToken);
}

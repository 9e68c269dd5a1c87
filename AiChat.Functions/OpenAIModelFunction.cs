using AiChat.Core.OpenAI;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AiChat.Functions;

/// <summary>GET /v1/models/{id}. Anonymous to the Functions host: the core checks the client key (CLIENT_API_KEYS).</summary>
public sealed class OpenAIModelFunction(OpenAIModelsEndpoint endpoint)
{
    [Function("OpenAIModel")]
    public Task Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/models/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        InvocationCancellation.HandleAsync(request, context => endpoint.GetAsync(context, id), cancellationToken);
}

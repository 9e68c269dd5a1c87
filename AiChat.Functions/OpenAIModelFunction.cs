using AiChat.Core.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AiChat.Functions;

/// <summary>GET /v1/models/{id}. Anonymous to the Functions host: the core checks the client key (CLIENT_API_KEYS).</summary>
public static class OpenAIModelFunction
{
    [Function("OpenAIModel")]
    public static Task Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/models/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        InvocationCancellation.HandleAsync(request, context => AiChatRequests.OpenAIModelAsync(context, id), cancellationToken);
}

using AiChat.Core.OpenAI;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AiChat.Functions;

/// <summary>
/// POST /v1/chat/completions, whole or streamed. Anonymous to the Functions host: the core checks the client key
/// (CLIENT_API_KEYS); the caller going away cancels the upstream call.
/// </summary>
public sealed class OpenAIChatCompletionsFunction(OpenAIChatEndpoint endpoint)
{
    [Function("OpenAIChatCompletions")]
    public Task Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/chat/completions")] HttpRequest request, CancellationToken cancellationToken) =>
        InvocationCancellation.HandleAsync(request, endpoint.HandleAsync, cancellationToken);
}

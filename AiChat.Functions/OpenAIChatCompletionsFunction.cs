using AiChat.Core.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AiChat.Functions;

/// <summary>
/// POST /v1/chat/completions, whole or streamed. Anonymous to the Functions host: the core checks the client key
/// (CLIENT_API_KEYS); the caller going away cancels the upstream call.
/// </summary>
public static class OpenAIChatCompletionsFunction
{
    [Function("OpenAIChatCompletions")]
    public static Task Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/chat/completions")] HttpRequest request, CancellationToken cancellationToken) =>
        InvocationCancellation.HandleAsync(request, AiChatRequests.OpenAIChatCompletionsAsync, cancellationToken);
}

using AiChat.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AiChat.Functions;

/// <summary>POST /api/chat/completions. Anonymous like the self-host: see README, "Who may call the chat functions".</summary>
public sealed class ChatCompletionsFunction(ChatCompletionsEndpoint endpoint)
{
    [Function("ChatCompletions")]
    public Task Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/chat/completions")] HttpRequest request, CancellationToken cancellationToken) =>
        InvocationCancellation.HandleAsync(request, endpoint.HandleAsync, cancellationToken);
}

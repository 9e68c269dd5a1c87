using AiChat.Core.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AiChat.Functions;

/// <summary>POST /api/chat/completions. Anonymous like the self-host: see docs/azure-functions.md#who-may-call-the-chat-functions.</summary>
public static class ChatCompletionsFunction
{
    [Function("ChatCompletions")]
    public static Task Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/chat/completions")] HttpRequest request, CancellationToken cancellationToken) =>
        InvocationCancellation.HandleAsync(request, AiChatRequests.ChatCompletionsAsync, cancellationToken);
}

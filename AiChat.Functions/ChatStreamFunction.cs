using AiChat.Core.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AiChat.Functions;

/// <summary>POST /api/chat/stream: the core writes the server-sent events and stops, cancelling the upstream call, when the caller goes away.</summary>
public static class ChatStreamFunction
{
    [Function("ChatStream")]
    public static Task Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/chat/stream")] HttpRequest request, CancellationToken cancellationToken) =>
        InvocationCancellation.HandleAsync(request, AiChatRequests.ChatStreamAsync, cancellationToken);
}

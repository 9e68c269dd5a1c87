using AiChat.Core.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AiChat.Functions;

/// <summary>POST /api/chat/events: the typed events, written by the same core endpoint as /api/chat/stream.</summary>
public static class ChatEventsFunction
{
    [Function("ChatEvents")]
    public static Task Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/chat/events")] HttpRequest request, CancellationToken cancellationToken) =>
        InvocationCancellation.HandleAsync(request, AiChatRequests.ChatEventsAsync, cancellationToken);
}

using AiChat.Core.Api;
using AiChat.Core.Streaming;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AiChat.Functions;

/// <summary>POST /api/chat/events: the typed events, written by the same core endpoint as /api/chat/stream.</summary>
public sealed class ChatEventsFunction(ChatStreamEndpoint endpoint)
{
    [Function("ChatEvents")]
    public Task Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/chat/events")] HttpRequest request, CancellationToken cancellationToken) =>
        InvocationCancellation.HandleAsync(request, context => endpoint.HandleAsync(context, StreamDialect.TypedEvents), cancellationToken);
}

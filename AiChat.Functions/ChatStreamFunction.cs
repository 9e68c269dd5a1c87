using AiChat.Core.Api;
using AiChat.Core.Streaming;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AiChat.Functions;

/// <summary>POST /api/chat/stream: the core writes the server-sent events and stops, cancelling the upstream call, when the caller goes away.</summary>
public sealed class ChatStreamFunction(ChatStreamEndpoint endpoint)
{
    [Function("ChatStream")]
    public Task Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/chat/stream")] HttpRequest request, CancellationToken cancellationToken) =>
        InvocationCancellation.HandleAsync(request, context => endpoint.HandleAsync(context, StreamDialect.Seed), cancellationToken);
}

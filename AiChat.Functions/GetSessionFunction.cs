using AiChat.Core.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AiChat.Functions;

/// <summary>GET /api/sessions/{id}: a conversation's stored history.</summary>
public static class GetSessionFunction
{
    [Function("GetSession")]
    public static Task Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/sessions/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        InvocationCancellation.HandleAsync(request, context => AiChatRequests.GetSessionAsync(context, id), cancellationToken);
}

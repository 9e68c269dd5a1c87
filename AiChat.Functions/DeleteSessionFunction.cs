using AiChat.Core.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AiChat.Functions;

/// <summary>DELETE /api/sessions/{id}: forgets a conversation.</summary>
public static class DeleteSessionFunction
{
    [Function("DeleteSession")]
    public static Task Run([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/sessions/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        InvocationCancellation.HandleAsync(request, context => AiChatRequests.DeleteSessionAsync(context, id), cancellationToken);
}

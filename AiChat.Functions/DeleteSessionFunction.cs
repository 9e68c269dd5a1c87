using AiChat.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AiChat.Functions;

/// <summary>DELETE /api/sessions/{id}: forgets a conversation.</summary>
public sealed class DeleteSessionFunction(SessionEndpoint endpoint)
{
    [Function("DeleteSession")]
    public Task Run([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/sessions/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        InvocationCancellation.HandleAsync(request, context => endpoint.DeleteAsync(context, id), cancellationToken);
}

using AiChat.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AiChat.Functions;

/// <summary>GET /api/sessions/{id}: a conversation's stored history.</summary>
public sealed class GetSessionFunction(SessionEndpoint endpoint)
{
    [Function("GetSession")]
    public Task Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/sessions/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        InvocationCancellation.HandleAsync(request, context => endpoint.GetAsync(context, id), cancellationToken);
}

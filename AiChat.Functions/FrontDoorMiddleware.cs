using AiChat.Core.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace AiChat.Functions;

/// <summary>The self-host's Front Door check (FRONT_DOOR_ID) for every function: a request from elsewhere gets 403.</summary>
internal sealed class FrontDoorMiddleware : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is not { } http || await AiChatRequests.ThroughFrontDoorAsync(http))
        {
            await next(context);
        }
    }
}

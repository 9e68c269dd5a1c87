using AiChat.Core.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace AiChat.Functions;

/// <summary>
/// The Functions app's counterpart of the self-host's exception handler. The worker's ASP.NET Core pipeline takes no
/// middleware of ours, and a function that throws leaves an empty response that the host turns into a bare 500; this
/// writes the JSON error instead, or ends a stream that had started, and logs the exception without sending it.
/// </summary>
internal sealed partial class ErrorResponseMiddleware(ILogger<ErrorResponseMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (context.GetHttpContext() is { } http && !http.RequestAborted.IsCancellationRequested)
        {
            Unhandled(logger, context.FunctionDefinition.Name, exception);
            if (http.Response.HasStarted)
            {
                http.Abort();
                return;
            }

            await AiChatRequests.UnhandledAsync(http, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {Function} failed")]
    private static partial void Unhandled(ILogger logger, string function, Exception exception);
}

using Microsoft.AspNetCore.Http;

namespace AiChat.Functions;

/// <summary>
/// The core endpoints stop, and cancel the upstream call, on HttpContext.RequestAborted. Under Functions a caller that
/// goes away also cancels the invocation's token, so each function hands the core a RequestAborted that heeds both.
/// </summary>
internal static class InvocationCancellation
{
    public static async Task HandleAsync(HttpRequest request, Func<HttpContext, Task> handle, CancellationToken invocation)
    {
        var context = request.HttpContext;
        var requestAborted = context.RequestAborted;
        using var either = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, invocation);
        context.RequestAborted = either.Token;
        try
        {
            await handle(context);
        }
        finally
        {
            context.RequestAborted = requestAborted;
        }
    }
}

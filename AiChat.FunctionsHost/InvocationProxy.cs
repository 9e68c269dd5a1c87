using System.Diagnostics;
using AiChat.FunctionsHost.Rpc;
using Yarp.ReverseProxy.Forwarder;

namespace AiChat.FunctionsHost;

/// <summary>
/// One caller's request as the host handles it with ASP.NET Core integration: match a function, start forwarding the
/// request to the worker's HttpUri with the invocation id in x-ms-invocation-id, then send the InvocationRequest,
/// cancel the invocation when the caller goes away, and wait for both the copied response and the invocation's end.
/// </summary>
internal sealed class InvocationProxy(
    FunctionRouteTable routes, WorkerChannel worker, Uri workerUri, IHttpForwarder forwarder, HttpMessageInvoker invoker, ILogger logger)
{
    private const string InvocationIdHeader = "x-ms-invocation-id";

    private static readonly ForwarderRequestConfig RequestConfig = new() { ActivityTimeout = TimeSpan.FromSeconds(240) };

    public async Task HandleAsync(HttpContext context)
    {
        var route = routes.Match(context.Request.Method, context.Request.Path, out var routeValues);
        if (route is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var invocationId = Guid.NewGuid().ToString();
        // A caller's own x-ms-invocation-id is overwritten: the worker pairs the request with the invocation by it.
        context.Request.Headers[InvocationIdHeader] = invocationId;
        var forwarding = forwarder.SendAsync(context, workerUri.AbsoluteUri, invoker, RequestConfig, HttpTransformer.Default).AsTask();
        var invocation = worker.InvokeAsync(InvocationRequestFor(route, invocationId, routeValues), context.RequestAborted);
        await using var cancel = context.RequestAborted.Register(() => worker.Cancel(invocationId));

        var error = await forwarding;
        if (error != ForwarderError.None)
        {
            // The exchange with the caller is over (YARP has answered or aborted it); the invocation is not waited for.
            StandInLog.ForwardingFailed(logger, route.FunctionName, invocationId, error);
            worker.Cancel(invocationId);
            if (context.Response.HasStarted)
            {
                context.Abort();
            }

            return;
        }

        var outcome = await OutcomeAsync(invocation);
        if (outcome is { Status: not StatusResult.Types.Status.Success } && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        }
    }

    private async Task<StatusResult?> OutcomeAsync(Task<InvocationResponse> invocation)
    {
        try
        {
            var response = await invocation;
            if (response.Result.Status != StatusResult.Types.Status.Success)
            {
                StandInLog.InvocationFailed(logger, response.InvocationId, response.Result.Status.ToString(), response.Result.Exception?.Message);
            }

            return response.Result;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private static InvocationRequest InvocationRequestFor(FunctionRoute route, string invocationId, RouteValueDictionary routeValues)
    {
        var invocation = new InvocationRequest
        {
            InvocationId = invocationId,
            FunctionId = route.FunctionId,
            TraceContext = new RpcTraceContext { TraceParent = Activity.Current?.Id ?? "" },
        };
        // With ASP.NET Core integration the request travels over HTTP; the binding carries an empty RpcHttp. The real host
        // also sends the query and headers as trigger metadata; AiChat binds only route values, so the stand-in leaves them out.
        invocation.InputData.Add(new ParameterBinding { Name = route.BindingName, Data = new TypedData { Http = new RpcHttp() } });
        foreach (var (name, value) in routeValues)
        {
            invocation.TriggerMetadata[name] = new TypedData { String = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "" };
        }

        return invocation;
    }
}

using System.Collections.Frozen;
using System.Reflection;
using AiChat.Core.Telemetry;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace AiChat.Functions;

/// <summary>
/// The worker's ASP.NET Core pipeline has no endpoint routing, so its server span and http.server.request.duration
/// would carry no route: this names each request by its function's trigger route, as the self-host's routing does.
/// </summary>
internal sealed class HttpRouteMiddleware : IFunctionsWorkerMiddleware
{
    private static readonly FrozenDictionary<string, string> Routes = typeof(HttpRouteMiddleware).Assembly.GetTypes()
        .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Static))
        .Select(method => (
            Function: method.GetCustomAttribute<FunctionAttribute>(),
            Trigger: method.GetParameters().Select(parameter => parameter.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(trigger => trigger is not null)))
        .Where(function => function.Function is not null && function.Trigger?.Route is not null)
        .ToFrozenDictionary(function => function.Function!.Name, function => "/" + function.Trigger!.Route!.TrimStart('/'));

    public Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (Routes.TryGetValue(context.FunctionDefinition.Name, out var route) && context.GetHttpContext() is { } http)
        {
            AiChatHttpRoutes.Tag(http, route);
        }

        return next(context);
    }
}

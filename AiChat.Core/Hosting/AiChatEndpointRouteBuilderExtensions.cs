using AiChat.Core.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AiChat.Core.Hosting;

public static class AiChatEndpointRouteBuilderExtensions
{
    /// <summary>The seed's four routes, each handed to its core endpoint.</summary>
    public static IEndpointRouteBuilder MapAiChat(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/health", context => Endpoint<HealthEndpoint>(context).HandleAsync(context));
        routes.MapGet("/api/models", context => Endpoint<ModelsEndpoint>(context).HandleAsync(context));
        routes.MapPost("/api/chat/completions", context => Endpoint<ChatCompletionsEndpoint>(context).HandleAsync(context));
        routes.MapPost("/api/chat/stream", context => Endpoint<ChatStreamEndpoint>(context).HandleAsync(context));
        return routes;
    }

    private static T Endpoint<T>(HttpContext context) where T : notnull => context.RequestServices.GetRequiredService<T>();
}

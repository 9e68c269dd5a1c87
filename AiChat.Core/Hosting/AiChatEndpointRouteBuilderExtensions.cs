using AiChat.Core.Api;
using AiChat.Core.OpenAI;
using AiChat.Core.Streaming;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AiChat.Core.Hosting;

public static class AiChatEndpointRouteBuilderExtensions
{
    /// <summary>The seeds' routes and the OpenAI-compatible ones, each handed to its core endpoint.</summary>
    public static IEndpointRouteBuilder MapAiChat(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/health", context => Endpoint<HealthEndpoint>(context).HandleAsync(context));
        routes.MapGet("/api/models", context => Endpoint<ModelsEndpoint>(context).HandleAsync(context));
        routes.MapPost("/api/chat/completions", context => Endpoint<ChatCompletionsEndpoint>(context).HandleAsync(context));
        routes.MapPost("/api/chat/stream", context => Endpoint<ChatStreamEndpoint>(context).HandleAsync(context, StreamDialect.Seed));
        routes.MapPost("/api/chat/events", context => Endpoint<ChatStreamEndpoint>(context).HandleAsync(context, StreamDialect.TypedEvents));
        routes.MapGet("/api/sessions/{id}", context => Endpoint<SessionEndpoint>(context).GetAsync(context, SessionId(context)));
        routes.MapDelete("/api/sessions/{id}", context => Endpoint<SessionEndpoint>(context).DeleteAsync(context, SessionId(context)));
        routes.MapOpenAICompatibleApi();
        return routes;
    }

    private static string SessionId(HttpContext context) => (string)context.GetRouteValue("id")!;

    private static T Endpoint<T>(HttpContext context) where T : notnull => context.RequestServices.GetRequiredService<T>();
}

using AiChat.Core.OpenAI;
using AiChat.Core.OpenApi;
using AiChat.Core.Streaming;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace AiChat.Core.Hosting;

public static class AiChatEndpointRouteBuilderExtensions
{
    private const string Json = "application/json";
    private const string Problem = "application/problem+json";
    private const string EventStream = "text/event-stream";

    /// <summary>The Flask-compatible and typed-event routes, the OpenAI-compatible ones and the OpenAPI document, each handed to its core endpoint.</summary>
    public static IEndpointRouteBuilder MapAiChat(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/health", ([FromServices] HealthEndpoint endpoint, HttpContext context) => endpoint.HandleAsync(context))
            .WithName("Health")
            .WithSummary("Whether AiChat is up, and what its upstream is.")
            .Produces<HealthResponse>(200, Json);
        routes.MapGet("/api/models", ([FromServices] ModelsEndpoint endpoint, HttpContext context) => endpoint.HandleAsync(context))
            .WithName("Models")
            .WithSummary("The models a request may name.")
            .Produces<ModelsResponse>(200, Json);
        routes.MapPost("/api/chat/completions", ([FromServices] ChatCompletionsEndpoint endpoint, HttpContext context) => endpoint.HandleAsync(context))
            .WithName("ChatCompletions")
            .WithSummary("One answer, not streamed (the Flask-compatible shape).")
            .Accepts<MessagesRequest>(Json)
            .Produces<CompletionResponse>(200, Json)
            .ProducesChatErrors();
        routes.MapChatStream<MessagesRequest>("/api/chat/stream", StreamDialect.Flask)
            .WithName("ChatStream")
            .WithSummary("The answer streamed in the Flask-compatible format.")
            .WithDescription("Server-sent events whose data is {\"content\":\"…\"} per piece of text, then [DONE]; a failure after the "
                + "stream started is a last data {\"error\",\"code\",\"status\"}.");
        routes.MapChatStream<MessageRequest>("/api/chat/events", StreamDialect.TypedEvents)
            .WithName("ChatEvents")
            .WithSummary("The answer streamed as typed events, in a server-side session.")
            .WithDescription("Server-sent events named by their type: stream_start (message_id, session_id, model), stream_chunk (chunk), "
                + "with the geo assistant tool_status, map_action and geo_card, then stream_end (finish_reason, usage) or error "
                + "(error, code, status). Every event's data carries type, message_id and session_id.");
        routes.MapGet("/api/sessions/{id}", ([FromServices] SessionEndpoint endpoint, HttpContext context, string id) => endpoint.GetAsync(context, id))
            .WithName("GetSession")
            .WithSummary("A session's stored conversation.")
            .Produces<SessionResponse>(200, Json)
            .Produces<ErrorResponse>(400, Problem)
            .Produces<ErrorResponse>(404, Problem)
            .Produces<ErrorResponse>(503, Problem);
        routes.MapDelete("/api/sessions/{id}", ([FromServices] SessionEndpoint endpoint, HttpContext context, string id) => endpoint.DeleteAsync(context, id))
            .WithName("DeleteSession")
            .WithSummary("Forget a session.")
            .Produces(204)
            .Produces<ErrorResponse>(400, Problem)
            .Produces<ErrorResponse>(404, Problem)
            .Produces<ErrorResponse>(503, Problem);
        routes.MapOpenAICompatibleApi();
        routes.MapGet("/openapi/v1.json", ([FromServices] OpenApiEndpoint endpoint, HttpContext context) => endpoint.HandleAsync(context))
            .ExcludeFromDescription();
        return routes;
    }

    /// <summary>A chat route whose answer is server-sent events in <paramref name="dialect"/>.</summary>
    private static RouteHandlerBuilder MapChatStream<TBody>(this IEndpointRouteBuilder routes, string pattern, StreamDialect dialect)
        where TBody : notnull =>
        routes.MapPost(pattern, ([FromServices] ChatStreamEndpoint endpoint, HttpContext context) => endpoint.HandleAsync(context, dialect))
            .Accepts<TBody>(Json)
            .Produces<string>(200, EventStream)
            .ProducesChatErrors();

    /// <summary>What a chat route answers besides its answer: bad requests, unknown sessions, limits and upstream trouble.</summary>
    private static RouteHandlerBuilder ProducesChatErrors(this RouteHandlerBuilder route)
    {
        foreach (var status in (int[])[400, 404, 408, 413, 415, 429, 502, 503, 504])
        {
            route.Produces<ErrorResponse>(status, Problem);
        }

        return route;
    }
}

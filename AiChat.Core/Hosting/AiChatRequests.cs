using AiChat.Core.Limits;
using AiChat.Core.OpenAI;
using AiChat.Core.OpenApi;
using AiChat.Core.Streaming;

namespace AiChat.Core.Hosting;

/// <summary>
/// Each route's handler, for a host that maps routes itself (the Functions app's functions). The endpoints behind
/// them stay internal to the core; the self-host's <see cref="AiChatEndpointRouteBuilderExtensions.MapAiChat"/> maps
/// the same ones.
/// </summary>
public static class AiChatRequests
{
    public static Task HealthAsync(HttpContext context) => Endpoint<HealthEndpoint>(context).HandleAsync(context);

    public static Task ModelsAsync(HttpContext context) => Endpoint<ModelsEndpoint>(context).HandleAsync(context);

    public static Task ChatCompletionsAsync(HttpContext context) => Endpoint<ChatCompletionsEndpoint>(context).HandleAsync(context);

    public static Task ChatStreamAsync(HttpContext context) => Endpoint<ChatStreamEndpoint>(context).HandleAsync(context, StreamDialect.Flask);

    public static Task ChatEventsAsync(HttpContext context) => Endpoint<ChatStreamEndpoint>(context).HandleAsync(context, StreamDialect.TypedEvents);

    public static Task GetSessionAsync(HttpContext context, string id) => Endpoint<SessionEndpoint>(context).GetAsync(context, id);

    public static Task DeleteSessionAsync(HttpContext context, string id) => Endpoint<SessionEndpoint>(context).DeleteAsync(context, id);

    public static Task OpenAIChatCompletionsAsync(HttpContext context) => Endpoint<OpenAIChatEndpoint>(context).HandleAsync(context);

    public static Task OpenAIModelsAsync(HttpContext context) => Endpoint<OpenAIModelsEndpoint>(context).ListAsync(context);

    public static Task OpenAIModelAsync(HttpContext context, string id) => Endpoint<OpenAIModelsEndpoint>(context).GetAsync(context, id);

    public static Task OpenApiAsync(HttpContext context) => Endpoint<OpenApiEndpoint>(context).HandleAsync(context);

    /// <summary>
    /// Whether the request may go on: false, with a 403 written, when FRONT_DOOR_ID is set and the request did not come
    /// through that Front Door. The Functions app's check, before every function; the self-host makes the same check
    /// with <see cref="FrontDoorGate"/> in its middleware, added only when FRONT_DOOR_ID is set.
    /// </summary>
    public static async Task<bool> ThroughFrontDoorAsync(HttpContext context)
    {
        if (Endpoint<FrontDoorGate>(context).Admits(context.Request))
        {
            return true;
        }

        await ApiErrorWriter.WriteAsync(context, FrontDoorGate.Refusal);
        return false;
    }

    /// <summary>The JSON error for an exception no endpoint handled: its status when it is a request error, else a bare 500.</summary>
    public static Task UnhandledAsync(HttpContext context, Exception exception) => ApiErrorWriter.WriteAsync(context, ExceptionErrorMapper.Map(exception));

    private static T Endpoint<T>(HttpContext context) where T : notnull => context.RequestServices.GetRequiredService<T>();
}

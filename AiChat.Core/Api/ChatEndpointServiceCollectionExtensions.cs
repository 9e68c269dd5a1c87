using AiChat.Core.OpenApi;

namespace AiChat.Core.Api;

internal static class ChatEndpointServiceCollectionExtensions
{
    /// <summary>The endpoints <c>MapAiChat</c> maps (besides the OpenAI-compatible ones), and the request reader they share.</summary>
    public static IServiceCollection AddChatEndpoints(this IServiceCollection services) => services
        .AddSingleton<ChatRequestReader>()
        .AddSingleton<HealthEndpoint>()
        .AddSingleton<ModelsEndpoint>()
        .AddSingleton<ChatCompletionsEndpoint>()
        .AddSingleton<ChatStreamEndpoint>()
        .AddSingleton<SessionEndpoint>()
        .AddSingleton<OpenApiEndpoint>();
}

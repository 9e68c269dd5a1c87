namespace AiChat.Core.Api;

/// <summary>GET /api/models: the configured catalogue.</summary>
internal sealed class ModelsEndpoint(IOptions<AiChatOptions> options)
{
    private readonly ModelsResponse _models = new(options.Value.Models);

    public Task HandleAsync(HttpContext context) =>
        TypedResults.Json(_models, AiChatJsonContext.Relaxed.ModelsResponse).ExecuteAsync(context);
}

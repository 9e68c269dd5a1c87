namespace AiChat.Core.Api;

/// <summary>GET /api/models: the configured catalogue.</summary>
internal sealed class ModelsEndpoint(IOptions<AiChatOptions> options)
{
    private readonly JsonAnswer<ModelsResponse> _models = new(new ModelsResponse(options.Value.Models), AiChatJsonContext.Default.ModelsResponse);

    public Task HandleAsync(HttpContext context) =>
        _models.ExecuteAsync(context);
}

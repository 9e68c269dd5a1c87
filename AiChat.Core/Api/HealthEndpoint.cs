using AiChat.Core.Configuration;
using AiChat.Core.DashScope;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace AiChat.Core.Api;

/// <summary>GET /health: always 200 while the process serves; says when chat cannot work and why.</summary>
internal sealed class HealthEndpoint(IDashScopeKeySource keys, IOptions<AiChatOptions> options)
{
    public async Task HandleAsync(HttpContext context)
    {
        var settings = options.Value;
        var key = await keys.GetStatusAsync(context.RequestAborted);
        var upstream = new HealthUpstream(
            settings.EmulatedUpstream ? "emulator" : "dashscope",
            settings.Protocol == DashScopeProtocol.CompatibleMode ? "compatible-mode" : "native",
            settings.BaseUrl,
            key.Source,
            key.IsAvailable);
        var health = key.IsAvailable
            ? new HealthResponse("ok", "Backend service is running", upstream)
            : new HealthResponse("degraded", $"Backend service is running, but chat is unavailable: {key.Problem}", upstream);
        await TypedResults.Json(health, AiChatJsonContext.Relaxed.HealthResponse).ExecuteAsync(context);
    }
}

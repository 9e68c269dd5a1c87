using AiChat.Core.DashScope;
using AiChat.Core.Limits;

namespace AiChat.Core.Api;

/// <summary>
/// GET /health: always 200 while the process serves; says when chat cannot work and why in a word. It is anonymous,
/// so where the key lives and what Key Vault answered are logged, not shown.
/// </summary>
internal sealed partial class HealthEndpoint(
    IDashScopeKeySource keys, IOptions<AiChatOptions> options, IOptions<LimitOptions> limits, TrustedProxies proxies, ILogger<HealthEndpoint> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        var settings = options.Value;
        var key = await keys.GetStatusAsync(context.RequestAborted);
        var upstream = new HealthUpstream(
            settings.EmulatedUpstream ? "emulator" : "dashscope",
            settings.Protocol == DashScopeProtocol.CompatibleMode ? "compatible-mode" : "native",
            settings.BaseUrl,
            string.IsNullOrEmpty(settings.KeyVaultUri) ? "DASHSCOPE_API_KEY" : "key_vault",
            key.IsAvailable);
        var health = key.IsAvailable
            ? new HealthResponse("ok", "Backend service is running", upstream)
            : new HealthResponse("degraded", "Backend service is running, but chat is unavailable: no DashScope API key", upstream) { Reason = "api_key_unavailable" };
        if (!key.IsAvailable)
        {
            KeyUnavailable(logger, key.Source, key.Problem);
        }

        if (limits.Value.ClientIpDebug)
        {
            var id = ClientIdentity.Of(context, proxies, limits.Value.TrustEasyAuth, null, limits.Value.Ipv6PrefixLength, limits.Value.ClientIpHeader);
            health = health with { Client = new HealthClient(id, ClientAddressLog.Describe(limits.Value)) };
        }

        await new JsonAnswer<HealthResponse>(health, AiChatJsonContext.Default.HealthResponse).ExecuteAsync(context);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Health degraded: no DashScope API key from {Source}: {Problem}")]
    private static partial void KeyUnavailable(ILogger logger, string source, string? problem);
}

using Microsoft.Extensions.Configuration;

namespace AiChat.Core.Configuration;

/// <summary>Everything AiChat reads from configuration, under the seeds' environment variable names.</summary>
internal sealed class AiChatOptions
{
    public const string CompatibleModePath = "/compatible-mode/v1";
    public const string NativePath = "/api/v1";

    [ConfigurationKeyName("DASHSCOPE_API_KEY")]
    public string? ApiKey { get; set; }

    /// <summary>When set, the key is this vault's secret <see cref="KeyVaultSecretName"/> and <see cref="ApiKey"/> is not used.</summary>
    [ConfigurationKeyName("KEY_VAULT_URI")]
    public string? KeyVaultUri { get; set; }

    [ConfigurationKeyName("DASHSCOPE_API_KEY_SECRET_NAME")]
    public string KeyVaultSecretName { get; set; } = "DashScopeApiKey";

    [ConfigurationKeyName("DASHSCOPE_BASE_URL")]
    public string BaseUrl { get; set; } = "https://dashscope.aliyuncs.com/api/v1";

    /// <summary>
    /// Reach DashScope over HTTP/2, so many streams share a few connections (a server holding 10,000 streams then needs
    /// one socket per stream, not two). Over https:// it is negotiated and falls back to HTTP/1.1 when the upstream
    /// does not offer it; over http:// (a local emulator) it is HTTP/2 with prior knowledge.
    /// </summary>
    [ConfigurationKeyName("DASHSCOPE_HTTP2")]
    public bool Http2 { get; set; }

    [ConfigurationKeyName("DASHSCOPE_MODEL")]
    public string DefaultModel { get; set; } = "qwen-plus";

    /// <summary>Comma-separated origins allowed by CORS; empty allows every origin.</summary>
    [ConfigurationKeyName("ALLOWED_ORIGINS")]
    public string? AllowedOrigins { get; set; }

    [ConfigurationKeyName("MAX_REQUEST_BODY_BYTES")]
    public int MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The most messages one request may carry in its <c>messages</c> array.</summary>
    [ConfigurationKeyName("MAX_REQUEST_MESSAGES")]
    public int MaxRequestMessages { get; set; } = 200;

    /// <summary>How long the upstream may take to answer a completion, or to start a stream.</summary>
    [ConfigurationKeyName("UPSTREAM_TIMEOUT_SECONDS")]
    public double UpstreamTimeoutSeconds { get; set; } = 120;

    /// <summary>How long a started stream may go without an event before it is given up.</summary>
    [ConfigurationKeyName("STREAM_IDLE_TIMEOUT_SECONDS")]
    public double StreamIdleTimeoutSeconds { get; set; } = 60;

    /// <summary>
    /// How long a started event stream may go without a write before an SSE comment (<c>: keep-alive</c>) is sent,
    /// so proxies that cut silent responses (nginx 60 s, Azure's front end 230 s) keep it open; 0 turns it off.
    /// </summary>
    [ConfigurationKeyName("STREAM_KEEPALIVE_SECONDS")]
    public double StreamKeepAliveSeconds { get; set; } = 15;

    /// <summary>Sent as Retry-After when the upstream rate-limits us; DashScope itself sends none.</summary>
    [ConfigurationKeyName("RATE_LIMIT_RETRY_AFTER_SECONDS")]
    public int RateLimitRetryAfterSeconds { get; set; } = 10;

    /// <summary>Set by a host that started the embedded emulator as the upstream.</summary>
    [ConfigurationKeyName("AICHAT_EMULATED_UPSTREAM")]
    public bool EmulatedUpstream { get; set; }

    /// <summary>The model catalogue (configuration section <c>Models</c>); empty means <see cref="DefaultModelCatalog"/>.</summary>
    public List<ModelInfo> Models { get; set; } = [];

    public DashScopeProtocol Protocol =>
        BaseUrl.TrimEnd('/').EndsWith(CompatibleModePath, StringComparison.OrdinalIgnoreCase)
            ? DashScopeProtocol.CompatibleMode
            : DashScopeProtocol.Native;

    public ModelInfo? FindModel(string id) => Models.Find(m => m.Id == id);
}

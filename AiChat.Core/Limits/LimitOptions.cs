using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace AiChat.Core.Limits;

/// <summary>Per-client limits on the chat endpoints, the whole app's daily spend guard, and who a client is.</summary>
internal sealed class LimitOptions
{
    /// <summary>Chat requests per client per minute (a fixed window from the client's first request); 0 turns it off.</summary>
    [ConfigurationKeyName("RATE_LIMIT_REQUESTS_PER_MINUTE")]
    [SettingRange(0, int.MaxValue, ErrorMessage = "RATE_LIMIT_REQUESTS_PER_MINUTE must be 0 (off) or more.")]
    public int RequestsPerMinute { get; set; } = 60;

    /// <summary>Tokens per client per UTC day, counted from the usage DashScope reports; 0 turns it off.</summary>
    [ConfigurationKeyName("RATE_LIMIT_TOKENS_PER_DAY")]
    [SettingRange(0, long.MaxValue, ErrorMessage = "RATE_LIMIT_TOKENS_PER_DAY must be 0 (off) or more.")]
    public long TokensPerDay { get; set; }

    /// <summary>Streams one client may have open at once; 0 turns it off.</summary>
    [ConfigurationKeyName("RATE_LIMIT_CONCURRENT_STREAMS")]
    [SettingRange(0, int.MaxValue, ErrorMessage = "RATE_LIMIT_CONCURRENT_STREAMS must be 0 (off) or more.")]
    public int ConcurrentStreams { get; set; } = 4;

    /// <summary>Tokens all clients together may spend per UTC day; 0 turns it off.</summary>
    [ConfigurationKeyName("DAILY_TOKEN_BUDGET")]
    [SettingRange(0, long.MaxValue, ErrorMessage = "DAILY_TOKEN_BUDGET must be 0 (off) or more.")]
    public long DailyTokenBudget { get; set; }

    /// <summary><c>open</c> (admit and log an error) or <c>closed</c> (answer 503) when the limit store cannot be reached.</summary>
    [ConfigurationKeyName("RATE_LIMIT_WHEN_STORE_UNAVAILABLE")]
    [RegularExpression("^(open|closed)$", ErrorMessage = "RATE_LIMIT_WHEN_STORE_UNAVAILABLE must be open or closed.")]
    public string WhenStoreUnavailable { get; set; } = "open";

    /// <summary>Comma-separated addresses or CIDR ranges whose X-Forwarded-For is believed.</summary>
    [ConfigurationKeyName("TRUSTED_PROXIES")]
    public string? TrustedProxies { get; set; }

    /// <summary>
    /// A request header whose value is the client's address, written by a front end that callers cannot get past:
    /// <c>CLIENT-IP</c> on App Service, <c>X-Azure-SocketIP</c> behind Azure Front Door (with <see cref="FrontDoorId"/>).
    /// Unset, the address is the connection's peer, or what <see cref="TrustedProxies"/> appended to X-Forwarded-For.
    /// </summary>
    [ConfigurationKeyName("CLIENT_IP_HEADER")]
    [RegularExpression("^[A-Za-z0-9!#$%&'*+.^_`|~-]+$", ErrorMessage = "CLIENT_IP_HEADER must be one HTTP header name, e.g. CLIENT-IP.")]
    public string? ClientIpHeader { get; set; }

    /// <summary>
    /// The Azure Front Door profile's id: every request must carry it in X-Azure-FDID, so one that did not come
    /// through that Front Door (another profile, or the origin reached directly) is refused with 403.
    /// </summary>
    [ConfigurationKeyName("FRONT_DOOR_ID")]
    public string? FrontDoorId { get; set; }

    /// <summary>Whether GET /health shows how the caller was identified for its limits, to check a deployment; off by default.</summary>
    [ConfigurationKeyName("CLIENT_IP_DEBUG")]
    public bool ClientIpDebug { get; set; }

    /// <summary>Geo tool calls (each an AMap lookup) per client per UTC day, so one caller cannot spend the AMap quota for all; 0 turns it off.</summary>
    [ConfigurationKeyName("GEO_TOOL_CALLS_PER_CLIENT_PER_DAY")]
    [SettingRange(0, int.MaxValue, ErrorMessage = "GEO_TOOL_CALLS_PER_CLIENT_PER_DAY must be 0 (off) or more.")]
    public int GeoToolCallsPerDay { get; set; } = 100;

    /// <summary>Whether App Service Authentication's X-MS-CLIENT-PRINCIPAL-ID names the client.</summary>
    [ConfigurationKeyName("TRUST_EASY_AUTH")]
    public bool TrustEasyAuth { get; set; }

    /// <summary>Set by App Service when its Authentication (Easy Auth) is on: only then is the principal header its own.</summary>
    [ConfigurationKeyName("WEBSITE_AUTH_ENABLED")]
    public bool EasyAuthEnabled { get; set; }

    /// <summary>How much of an IPv6 caller's address is one client: its /64 network by default.</summary>
    [ConfigurationKeyName("CLIENT_IPV6_PREFIX_LENGTH")]
    [SettingRange(1, 128, ErrorMessage = "CLIENT_IPV6_PREFIX_LENGTH must be from 1 to 128.")]
    public int Ipv6PrefixLength { get; set; } = 64;

    /// <summary>
    /// Whether Production may start with neither <see cref="TokensPerDay"/> nor <see cref="DailyTokenBudget"/> set:
    /// anonymous callers would then spend the DashScope key without any bound.
    /// </summary>
    [ConfigurationKeyName("ALLOW_UNBOUNDED_SPEND")]
    public bool AllowUnboundedSpend { get; set; }

    public bool FailClosed => WhenStoreUnavailable == "closed";

    /// <summary>Whether tokens are counted at all: a per-client day or the app's budget is on.</summary>
    public bool CountsTokens => TokensPerDay > 0 || DailyTokenBudget > 0;

    public bool AnyEnabled => RequestsPerMinute > 0 || TokensPerDay > 0 || ConcurrentStreams > 0 || DailyTokenBudget > 0 || GeoToolCallsPerDay > 0;
}

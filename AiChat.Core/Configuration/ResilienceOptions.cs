using Microsoft.Extensions.Configuration;

namespace AiChat.Core.Configuration;

/// <summary>How upstream calls are retried. Per-attempt timeouts are <see cref="AiChatOptions"/>' upstream and idle timeouts.</summary>
internal sealed class ResilienceOptions
{
    /// <summary>Retries after the first attempt, for 429, 500, 502, 503, 504, timeouts and transport errors.</summary>
    [ConfigurationKeyName("UPSTREAM_MAX_RETRIES")]
    [SettingRange(0, 10, ErrorMessage = "UPSTREAM_MAX_RETRIES must be between 0 and 10.")]
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first backoff; each next one doubles, with jitter.</summary>
    [ConfigurationKeyName("UPSTREAM_RETRY_DELAY_MS")]
    [SettingRange(0, 60_000, ErrorMessage = "UPSTREAM_RETRY_DELAY_MS must be between 0 and 60000.")]
    public int RetryDelayMilliseconds { get; set; } = 500;

    /// <summary>All attempts together: a whole completion, or a stream up to its first event.</summary>
    [ConfigurationKeyName("UPSTREAM_DEADLINE_SECONDS")]
    [SettingRange(0.1, 3600, ErrorMessage = "UPSTREAM_DEADLINE_SECONDS must be between 0.1 and 3600.")]
    public double DeadlineSeconds { get; set; } = 300;
}

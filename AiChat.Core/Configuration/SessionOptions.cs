using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace AiChat.Core.Configuration;

/// <summary>Where conversations are kept between turns, for how long, and how much of each.</summary>
internal sealed class SessionOptions
{
    /// <summary><c>memory</c> (one instance) or <c>redis</c> (instances behind a load balancer share sessions and limits).</summary>
    [ConfigurationKeyName("SESSION_STORE")]
    [RegularExpression("^(memory|redis)$", ErrorMessage = "SESSION_STORE must be memory or redis.")]
    public string Store { get; set; } = "memory";

    /// <summary>A StackExchange.Redis configuration string: <c>host:port</c>, then options such as <c>,password=...,ssl=true</c>.</summary>
    [ConfigurationKeyName("REDIS_CONNECTION")]
    public string RedisConnection { get; set; } = "localhost:6379";

    /// <summary>A PEM file of a CA whose certificates Redis's TLS certificate may be issued by, besides the system's.</summary>
    [ConfigurationKeyName("REDIS_CA_CERTIFICATE")]
    public string? RedisCaCertificate { get; set; }

    /// <summary>A session unused this long is forgotten; every turn and every read restarts the clock.</summary>
    [ConfigurationKeyName("SESSION_TTL_MINUTES")]
    [SettingRange(0.01, 60 * 24 * 30, ErrorMessage = "SESSION_TTL_MINUTES must be between 0.01 and 43200.")]
    public double TtlMinutes { get; set; } = 30;

    /// <summary>The most messages kept, system messages included; older ones are dropped first.</summary>
    [ConfigurationKeyName("SESSION_MAX_MESSAGES")]
    [SettingRange(2, 10_000, ErrorMessage = "SESSION_MAX_MESSAGES must be between 2 and 10000.")]
    public int MaxMessages { get; set; } = 50;

    /// <summary>The most characters (Unicode code points) of content kept, system messages included.</summary>
    [ConfigurationKeyName("SESSION_MAX_CHARS")]
    [SettingRange(100, 10_000_000, ErrorMessage = "SESSION_MAX_CHARS must be between 100 and 10000000.")]
    public int MaxChars { get; set; } = 100_000;

    /// <summary>
    /// With SESSION_STORE=memory, the most sessions kept: past it the least recently used are evicted. With
    /// SESSION_MAX_CHARS it bounds the store's memory (about 2 bytes a character, see docs/configuration.md).
    /// </summary>
    [ConfigurationKeyName("SESSION_MAX_COUNT")]
    [SettingRange(1, 10_000_000, ErrorMessage = "SESSION_MAX_COUNT must be between 1 and 10000000.")]
    public int MaxCount { get; set; } = 1_000;

    /// <summary>The most image bytes a session keeps; past it the oldest images are replaced by a short placeholder (docs/images.md#sessions).</summary>
    [ConfigurationKeyName("SESSION_MAX_IMAGE_BYTES")]
    [SettingRange(0, 1024L * 1024 * 1024, ErrorMessage = "SESSION_MAX_IMAGE_BYTES must be between 0 (keep no image) and 1073741824.")]
    public long MaxImageBytes { get; set; } = 16 * 1024 * 1024;

    public TimeSpan Ttl => TimeSpan.FromMinutes(TtlMinutes);

    public bool UsesRedis => Store == "redis";
}

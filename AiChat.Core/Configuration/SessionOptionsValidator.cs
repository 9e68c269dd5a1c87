using AiChat.Core.Redis;

namespace AiChat.Core.Configuration;

/// <summary>With SESSION_STORE=redis, REDIS_CONNECTION must be a configuration StackExchange.Redis accepts, checked at start-up rather than on the first request.</summary>
internal sealed class SessionOptionsValidator : IValidateOptions<SessionOptions>
{
    public ValidateOptionsResult Validate(string? name, SessionOptions options)
    {
        if (!options.UsesRedis)
        {
            return ValidateOptionsResult.Success;
        }

        if (options.RedisCaCertificate is { Length: > 0 } ca && !File.Exists(ca))
        {
            return ValidateOptionsResult.Fail($"REDIS_CA_CERTIFICATE names no file: '{ca}'.");
        }

        try
        {
            RedisSettings.Parse(options.RedisConnection, options.RedisCaCertificate);
            return ValidateOptionsResult.Success;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or System.Security.Cryptography.CryptographicException)
        {
            // The message is the parser's, which names the bad option; the string itself may hold a password, so it is not repeated.
            return ValidateOptionsResult.Fail($"REDIS_CONNECTION is not a StackExchange.Redis configuration string (e.g. 'myredis.redis.cache.windows.net:6380,password=...,ssl=true'): {e.Message}");
        }
    }
}

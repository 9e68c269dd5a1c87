using StackExchange.Redis;

namespace AiChat.Core.Redis;

/// <summary>REDIS_CONNECTION (a StackExchange.Redis configuration string) and REDIS_CA_CERTIFICATE, made into client options.</summary>
internal static class RedisSettings
{
    /// <exception cref="ArgumentException">The string is not a StackExchange.Redis configuration, or names no server.</exception>
    public static ConfigurationOptions Parse(string connection, string? caCertificatePath)
    {
        var options = ConfigurationOptions.Parse(connection);
        if (options.EndPoints.Count == 0)
        {
            throw new ArgumentException("it names no server (host:port).", nameof(connection));
        }

        // Start-up must not wait for Redis, and a request must not wait in a queue for it: both fail fast
        // (sessions answer 503, limits fail open or closed) while the multiplexer reconnects in the background.
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        if (caCertificatePath is { Length: > 0 })
        {
            // Validation stays on: certificates are checked against this CA besides the system's.
            options.TrustIssuer(caCertificatePath);
        }

        return options;
    }
}

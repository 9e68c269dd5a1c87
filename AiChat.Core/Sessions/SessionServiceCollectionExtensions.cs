using AiChat.Core.Redis;
using AiChat.Core.Telemetry;

namespace AiChat.Core.Sessions;

internal static class SessionServiceCollectionExtensions
{
    /// <summary>The session store SESSION_STORE names (timed per operation), its Redis connection, and who owns a session.</summary>
    public static IServiceCollection AddSessions(this IServiceCollection services)
    {
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<SessionOptions>>().Value;
            return new RedisConnection(options.RedisConnection, options.RedisCaCertificate);
        });
        services.AddSingleton<ISessionStore>(CreateSessionStore);
        services.AddSingleton<ChatSessions>();
        services.AddSingleton<SessionOwners>();
        return services;
    }

    private static ISessionStore CreateSessionStore(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<SessionOptions>>();
        return options.Value.UsesRedis
            ? new OpenTelemetrySessionStore(new RedisSessionStore(provider.GetRequiredService<RedisConnection>(), options), "redis")
            : new OpenTelemetrySessionStore(new MemorySessionStore(provider.GetRequiredService<TimeProvider>(), options, provider.GetRequiredService<ILogger<MemorySessionStore>>()), "memory");
    }
}

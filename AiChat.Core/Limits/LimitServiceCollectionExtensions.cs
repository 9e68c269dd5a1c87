using AiChat.Core.Redis;

namespace AiChat.Core.Limits;

internal static class LimitServiceCollectionExtensions
{
    /// <summary>The per-client limits, their store, who a client is, and the Front Door gate.</summary>
    public static IServiceCollection AddLimits(this IServiceCollection services)
    {
        services.AddSingleton<ILimitStore>(CreateLimitStore);
        services.AddSingleton(provider => TrustedProxies.TryParse(provider.GetRequiredService<IOptions<LimitOptions>>().Value.TrustedProxies, out _)!);
        services.AddSingleton<ClientLimits>();
        services.AddSingleton<FrontDoorGate>();
        services.AddHostedService<ClientAddressLog>();
        return services;
    }

    /// <summary>Limits live where sessions do: in Redis, shared by every instance, with SESSION_STORE=redis.</summary>
    private static ILimitStore CreateLimitStore(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<SessionOptions>>().Value.UsesRedis
            ? new RedisLimitStore(provider.GetRequiredService<RedisConnection>(), provider.GetRequiredService<TimeProvider>())
            : new MemoryLimitStore(provider.GetRequiredService<TimeProvider>());
}

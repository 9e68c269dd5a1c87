using AiChat.Core.Api;
using AiChat.Core.Chat;
using AiChat.Core.Configuration;
using AiChat.Core.DashScope;
using AiChat.Core.Geo;
using AiChat.Core.Images;
using AiChat.Core.Limits;
using AiChat.Core.OpenAI;
using AiChat.Core.OpenApi;
using AiChat.Core.Redis;
using AiChat.Core.Resilience;
using AiChat.Core.Sessions;
using AiChat.Core.Streaming;
using AiChat.Core.Telemetry;
using AiChat.Core.Turns;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;

namespace AiChat.Core.Hosting;

public static class AiChatHostBuilderExtensions
{
    /// <summary>Registers everything AiChat is made of. Both hosts call this and only this.</summary>
    /// <param name="telemetry">A host's own part of the telemetry (see <see cref="AiChatTelemetryExtensions.AddAiChatTelemetry"/>).</param>
    public static IHostApplicationBuilder AddAiChat(this IHostApplicationBuilder builder, Action<IOpenTelemetryBuilder>? telemetry = null)
    {
        var services = builder.Services;
        services.AddOptions<AiChatOptions>()
            .Bind(builder.Configuration)
            .PostConfigure(options =>
            {
                if (options.Models.Count == 0)
                {
                    options.Models.AddRange(DefaultModelCatalog.Create());
                }
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AiChatOptions>, AiChatOptionsValidator>();
        services.AddOptions<SessionOptions>().Bind(builder.Configuration).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<SessionOptions>, SessionOptionsValidator>();
        services.AddOptions<LimitOptions>().Bind(builder.Configuration).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<LimitOptions>, LimitOptionsValidator>();
        services.AddOptions<ResilienceOptions>().Bind(builder.Configuration).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ImageOptions>().Bind(builder.Configuration).ValidateDataAnnotations().ValidateOnStart();

        services.AddDashScopeKeySource();
        services.AddKeyedSingleton(DashScopeHttpClient.ServiceKey, (provider, _) => DashScopeHttpClient.Create(provider.GetRequiredService<IDashScopeKeySource>()));
        services.AddSingleton<IDashScopeProtocol>(provider => DashScopeProtocols.Create(provider.GetRequiredService<IOptions<AiChatOptions>>().Value));
        services.AddSingleton<IDashScopeClient>(CreateDashScopeClient);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => CreateRedisConnection(provider.GetRequiredService<IOptions<SessionOptions>>().Value));
        services.AddSingleton<ISessionStore>(CreateSessionStore);
        services.AddSingleton<ILimitStore>(CreateLimitStore);
        services.AddSingleton(provider => TrustedProxies.TryParse(provider.GetRequiredService<IOptions<LimitOptions>>().Value.TrustedProxies, out _)!);
        services.AddSingleton<ClientLimits>();
        services.AddSingleton<FrontDoorGate>();
        services.AddHostedService<ClientAddressLog>();
        services.AddSingleton<ChatSessions>();
        services.AddSingleton<SessionOwners>();
        services.AddSingleton<ChatTurn>();
        services.AddSingleton<ChatFailures>();
        services.AddSingleton<StreamKeepAlive>();
        services.AddGeoTools();
        services.AddOpenAICompatibleApi(builder.Configuration);

        services.AddSingleton<ImageWorkGate>();
        services.AddSingleton<ImageNormalizer>();
        services.AddSingleton<ImageIntake>();
        services.AddSingleton<ChatRequestReader>();
        services.AddSingleton<HealthEndpoint>();
        services.AddSingleton<ModelsEndpoint>();
        services.AddSingleton<ChatCompletionsEndpoint>();
        services.AddSingleton<ChatStreamEndpoint>();
        services.AddSingleton<SessionEndpoint>();
        services.AddSingleton<OpenApiEndpoint>();

        services.AddProblemDetails();
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<AiChatOptions>>((cors, aiChat) => cors.AddDefaultPolicy(policy => CorsPolicies.Configure(policy, aiChat.Value)));
        builder.AddAiChatTelemetry(telemetry);
        // ASP.NET Core's request lines name the path, and GET/DELETE /api/sessions/{id} carry a session id in theirs.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        return builder;
    }

    private static IDashScopeClient CreateDashScopeClient(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<AiChatOptions>>();
        var resilience = provider.GetRequiredService<IOptions<ResilienceOptions>>().Value;
        var client = new DashScopeClient(
            provider.GetRequiredKeyedService<HttpClient>(DashScopeHttpClient.ServiceKey),
            provider.GetRequiredService<IDashScopeProtocol>(),
            options,
            provider.GetRequiredService<IDashScopeKeySource>());
        var retry = UpstreamRetryPipeline.Create(resilience, provider.GetRequiredService<ILoggerFactory>().CreateLogger("AiChat.Upstream"));
        var endpoint = new GenAIEndpoint(new Uri(options.Value.BaseUrl), provider.GetRequiredService<TelemetryOptions>().CaptureMessageContent);
        return new OpenTelemetryDashScopeClient(new ResilientDashScopeClient(client, retry, TimeSpan.FromSeconds(resilience.DeadlineSeconds)), endpoint);
    }

    private static RedisConnection CreateRedisConnection(SessionOptions options) => new(options.RedisConnection, options.RedisCaCertificate);

    private static ISessionStore CreateSessionStore(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<SessionOptions>>();
        return options.Value.UsesRedis
            ? new OpenTelemetrySessionStore(new RedisSessionStore(provider.GetRequiredService<RedisConnection>(), options), "redis")
            : new OpenTelemetrySessionStore(new MemorySessionStore(provider.GetRequiredService<TimeProvider>(), options, provider.GetRequiredService<ILogger<MemorySessionStore>>()), "memory");
    }

    /// <summary>Limits live where sessions do: in Redis, shared by every instance, with SESSION_STORE=redis.</summary>
    private static ILimitStore CreateLimitStore(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<SessionOptions>>().Value.UsesRedis
            ? new RedisLimitStore(provider.GetRequiredService<RedisConnection>(), provider.GetRequiredService<TimeProvider>())
            : new MemoryLimitStore(provider.GetRequiredService<TimeProvider>());
}

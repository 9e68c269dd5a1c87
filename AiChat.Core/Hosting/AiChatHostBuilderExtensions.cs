using AiChat.Core.DashScope;
using AiChat.Core.Geo;
using AiChat.Core.Images;
using AiChat.Core.Limits;
using AiChat.Core.OpenAI;
using AiChat.Core.Resilience;
using AiChat.Core.Sessions;
using AiChat.Core.Streaming;
using AiChat.Core.Telemetry;
using AiChat.Core.Turns;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;

namespace AiChat.Core.Hosting;

public static class AiChatHostBuilderExtensions
{
    /// <summary>Registers everything AiChat is made of. Both hosts call this and only this.</summary>
    /// <param name="telemetry">A host's own part of the telemetry (see <see cref="AiChatTelemetryExtensions.AddAiChatTelemetry"/>).</param>
    public static IHostApplicationBuilder AddAiChat(this IHostApplicationBuilder builder, Action<IOpenTelemetryBuilder>? telemetry = null)
    {
        var services = builder.Services;
        services.AddOptions<AiChatOptions>().Bind(builder.Configuration).ValidateAtStart<AiChatOptions, AiChatOptionsValidator>()
            .PostConfigure(options =>
            {
                if (options.Models.Count == 0)
                {
                    options.Models.AddRange(DefaultModelCatalog.Create());
                }
            });
        services.AddOptions<SessionOptions>().Bind(builder.Configuration).ValidateAtStart<SessionOptions, SessionOptionsValidator>()
            .ValidateAtStart<SessionOptions, SessionAnnotationValidator>();
        services.AddOptions<LimitOptions>().Bind(builder.Configuration).ValidateAtStart<LimitOptions, LimitOptionsValidator>()
            .ValidateAtStart<LimitOptions, LimitAnnotationValidator>();
        services.AddOptions<ResilienceOptions>().Bind(builder.Configuration).ValidateAtStart<ResilienceOptions, ResilienceAnnotationValidator>();
        services.AddOptions<ImageOptions>().Bind(builder.Configuration).ValidateAtStart<ImageOptions, ImageAnnotationValidator>();

        services.AddDashScopeKeySource();
        services.AddKeyedSingleton(DashScopeHttpClient.ServiceKey, (provider, _) => DashScopeHttpClient.Create(provider.GetRequiredService<IDashScopeKeySource>()));
        services.AddSingleton<IDashScopeProtocol>(provider => DashScopeProtocols.Create(provider.GetRequiredService<IOptions<AiChatOptions>>().Value));
        services.AddSingleton<IDashScopeClient>(CreateDashScopeClient);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSessions();
        services.AddLimits();
        services.AddSingleton<ChatTurn>();
        services.AddSingleton<ChatFailures>();
        services.AddSingleton<StreamKeepAlive>();
        services.AddGeoTools();
        services.AddOpenAICompatibleApi(builder.Configuration);
        services.AddSingleton<ImageWorkGate>();
        services.AddSingleton<ImageNormalizer>();
        services.AddSingleton<ImageIntake>();
        services.AddChatEndpoints();

        services.AddProblemDetails();
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<AiChatOptions>>((cors, aiChat) => cors.AddDefaultPolicy(policy => CorsPolicies.Configure(policy, aiChat.Value)));
        services.AddClosedOptionsTypes<CorsOptions>();
        builder.AddAiChatTelemetry(telemetry);
        // ASP.NET Core's request lines name the path, and GET/DELETE /api/sessions/{id} carry a session id in theirs.
        // Off altogether, not at Warning: with this category on at any level, ASP.NET Core starts an Activity and a
        // log scope for every request and holds them as long as a stream stays open (bench/RESULTS.md, open streams).
        // Tracing, when it exports, still gets its spans.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
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
}

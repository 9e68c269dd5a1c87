using AiChat.Core.Api;
using AiChat.Core.Chat;
using AiChat.Core.Configuration;
using AiChat.Core.DashScope;
using AiChat.Core.Streaming;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AiChat.Core.Hosting;

public static class AiChatHostBuilderExtensions
{
    /// <summary>Registers everything AiChat is made of. Both hosts call this and only this.</summary>
    public static IHostApplicationBuilder AddAiChat(this IHostApplicationBuilder builder)
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

        services.AddDashScopeKeySource();
        services.AddKeyedSingleton(DashScopeHttpClient.ServiceKey, (provider, _) => DashScopeHttpClient.Create(provider.GetRequiredService<IDashScopeKeySource>()));
        services.AddSingleton<IDashScopeProtocol>(provider => DashScopeProtocols.Create(provider.GetRequiredService<IOptions<AiChatOptions>>().Value));
        services.AddSingleton<IBailianClient>(provider => new BailianClient(
            provider.GetRequiredKeyedService<HttpClient>(DashScopeHttpClient.ServiceKey),
            provider.GetRequiredService<IDashScopeProtocol>(),
            provider.GetRequiredService<IOptions<AiChatOptions>>(),
            provider.GetRequiredService<IDashScopeKeySource>()));

        services.AddSingleton<ChatRequestReader>();
        services.AddSingleton<ChatStreamResponder>();
        services.AddSingleton<HealthEndpoint>();
        services.AddSingleton<ModelsEndpoint>();
        services.AddSingleton<ChatCompletionsEndpoint>();
        services.AddSingleton<ChatStreamEndpoint>();

        services.AddProblemDetails();
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<AiChatOptions>>((cors, aiChat) => cors.AddDefaultPolicy(policy => CorsPolicies.Configure(policy, aiChat.Value)));
        return builder;
    }
}

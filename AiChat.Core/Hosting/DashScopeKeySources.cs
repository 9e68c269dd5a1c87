using AiChat.Core.DashScope;
using AiChat.Core.Secrets;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AiChat.Core.Hosting;

/// <summary>The DashScope key comes from the Key Vault secret when KEY_VAULT_URI is set, from DASHSCOPE_API_KEY otherwise.</summary>
internal static class DashScopeKeySources
{
    public static IServiceCollection AddDashScopeKeySource(this IServiceCollection services)
    {
        services.AddKeyVaultSecretClient();
        services.TryAddSingleton<IDashScopeKeySource>(provider => Options(provider).KeyVaultUri is { Length: > 0 }
            ? ActivatorUtilities.CreateInstance<KeyVaultKeySource>(provider)
            : ActivatorUtilities.CreateInstance<ConfiguredKeySource>(provider));
        return services;
    }

    private static AiChatOptions Options(IServiceProvider provider) => provider.GetRequiredService<IOptions<AiChatOptions>>().Value;
}

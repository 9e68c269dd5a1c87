using AiChat.Core.Configuration;
using AiChat.Core.DashScope;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AiChat.Core.Hosting;

/// <summary>The DashScope key comes from the Key Vault secret when KEY_VAULT_URI is set, from DASHSCOPE_API_KEY otherwise.</summary>
internal static class DashScopeKeySources
{
    public static IServiceCollection AddDashScopeKeySource(this IServiceCollection services)
    {
        // A service of its own so that tests can hand the real client a fake vault's transport and credential.
        services.TryAddSingleton(provider => CreateSecretClient(Options(provider)));
        services.TryAddSingleton<IDashScopeKeySource>(provider => Options(provider).KeyVaultUri is { Length: > 0 }
            ? ActivatorUtilities.CreateInstance<KeyVaultKeySource>(provider)
            : ActivatorUtilities.CreateInstance<ConfiguredKeySource>(provider));
        return services;
    }

    /// <summary>Managed identity in Azure, a developer sign-in (Azure CLI, Visual Studio, ...) locally.</summary>
    private static SecretClient CreateSecretClient(AiChatOptions options) =>
        new(new Uri(options.KeyVaultUri!), new DefaultAzureCredential(), new SecretClientOptions
        {
            // A chat call waits for the first read: give up on an unreachable vault in seconds, not the default 100.
            Retry = { NetworkTimeout = TimeSpan.FromSeconds(10) },
        });

    private static AiChatOptions Options(IServiceProvider provider) => provider.GetRequiredService<IOptions<AiChatOptions>>().Value;
}

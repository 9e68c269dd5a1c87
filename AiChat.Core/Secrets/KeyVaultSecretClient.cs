using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AiChat.Core.Secrets;

/// <summary>The one vault client every key read from KEY_VAULT_URI goes through (DashScope's and AMap's): one vault, one identity.</summary>
internal static class KeyVaultSecretClient
{
    /// <summary>A service of its own so that tests can hand the real client a fake vault's transport and credential.</summary>
    public static IServiceCollection AddKeyVaultSecretClient(this IServiceCollection services)
    {
        services.TryAddSingleton(provider => Create(provider.GetRequiredService<IOptions<AiChatOptions>>().Value));
        return services;
    }

    /// <summary>Managed identity in Azure, a developer sign-in (Azure CLI, Visual Studio, ...) locally.</summary>
    private static SecretClient Create(AiChatOptions options) =>
        new(new Uri(options.KeyVaultUri!), new DefaultAzureCredential(), new SecretClientOptions
        {
            // A chat call waits for the first read: give up on an unreachable vault in seconds, not the default 100.
            Retry = { NetworkTimeout = TimeSpan.FromSeconds(10) },
        });
}

using AiChat.Core.Secrets;
using Azure.Security.KeyVault.Secrets;

namespace AiChat.Core.DashScope;

/// <summary>The key from the Key Vault secret DASHSCOPE_API_KEY_SECRET_NAME at KEY_VAULT_URI, kept until DashScope refuses it.</summary>
internal sealed class KeyVaultKeySource(SecretClient client, IOptions<AiChatOptions> options, ILogger<KeyVaultKeySource> logger, TimeProvider? time = null)
    : IDashScopeKeySource, IDisposable
{
    private readonly KeyVaultSecretReader _secret = new(
        client, options.Value.KeyVaultSecretName, "DASHSCOPE_API_KEY_SECRET_NAME", "DashScope",
        (message, cause) => new DashScopeKeyUnavailableException(message, cause), logger, time ?? TimeProvider.System);

    public ValueTask<string> GetKeyAsync(CancellationToken cancellationToken) => _secret.GetAsync(cancellationToken);

    public ValueTask<string> RefreshKeyAsync(string rejectedKey, CancellationToken cancellationToken) =>
        _secret.RefreshAsync(rejectedKey, cancellationToken);

    public ValueTask<ApiKeyStatus> GetStatusAsync(CancellationToken cancellationToken) => _secret.GetStatusAsync(cancellationToken);

    public void Dispose() => _secret.Dispose();
}

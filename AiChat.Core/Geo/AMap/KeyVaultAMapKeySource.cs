using AiChat.Core.Secrets;
using Azure.Security.KeyVault.Secrets;

namespace AiChat.Core.Geo.AMap;

/// <summary>The key from the Key Vault secret AMAP_API_KEY_SECRET_NAME at KEY_VAULT_URI, read once and kept.</summary>
internal sealed class KeyVaultAMapKeySource(SecretClient client, IOptions<GeoOptions> options, ILogger<KeyVaultAMapKeySource> logger, TimeProvider? time = null)
    : IAMapKeySource, IDisposable
{
    private readonly KeyVaultSecretReader _secret = new(
        client, options.Value.KeyVaultSecretName, "AMAP_API_KEY_SECRET_NAME", "AMap",
        (message, cause) => new AMapException(AMapErrorCodes.ProviderError, null, message, cause), logger, time ?? TimeProvider.System);

    public ValueTask<string> GetKeyAsync(CancellationToken cancellationToken) => _secret.GetAsync(cancellationToken);

    public void Dispose() => _secret.Dispose();
}

using AiChat.Core.Configuration;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiChat.Core.DashScope;

/// <summary>
/// The key from the Key Vault secret DASHSCOPE_API_KEY_SECRET_NAME at KEY_VAULT_URI: read once, then kept until
/// DashScope refuses it. A failed read is not kept, so a fixed vault or a new role assignment needs no restart.
/// </summary>
internal sealed partial class KeyVaultKeySource(SecretClient client, IOptions<AiChatOptions> options, ILogger<KeyVaultKeySource> logger)
    : IDashScopeKeySource, IDisposable
{
    private readonly SemaphoreSlim _reading = new(1, 1);
    private readonly string _secretName = options.Value.KeyVaultSecretName;
    private volatile string? _key;

    private string Source => $"Key Vault secret '{_secretName}' at {client.VaultUri}";

    public async ValueTask<string> GetKeyAsync(CancellationToken cancellationToken) =>
        _key ?? await ReadAsync(rejectedKey: null, cancellationToken);

    public ValueTask<string> RefreshKeyAsync(string rejectedKey, CancellationToken cancellationToken) =>
        ReadAsync(rejectedKey, cancellationToken);

    public async ValueTask<ApiKeyStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        try
        {
            await GetKeyAsync(cancellationToken);
            return new ApiKeyStatus(Source, null);
        }
        catch (DashScopeKeyUnavailableException e)
        {
            return new ApiKeyStatus(Source, e.Message);
        }
    }

    public void Dispose() => _reading.Dispose();

    /// <summary>
    /// One read at a time. Callers that queued behind a read take its key, unless it is the one they saw refused:
    /// many calls refused at once cost one vault read.
    /// </summary>
    private async ValueTask<string> ReadAsync(string? rejectedKey, CancellationToken cancellationToken)
    {
        await _reading.WaitAsync(cancellationToken);
        try
        {
            if (_key is { } current && current != rejectedKey)
            {
                return current;
            }

            _key = null;
            KeyVaultSecret secret;
            try
            {
                secret = await client.GetSecretAsync(_secretName, cancellationToken: cancellationToken);
            }
            catch (Exception e) when (KeyVaultProblem.Describe(e, _secretName, client.VaultUri) is { } problem)
            {
                throw new DashScopeKeyUnavailableException(problem, e);
            }

            if (string.IsNullOrWhiteSpace(secret.Value))
            {
                throw new DashScopeKeyUnavailableException($"The {Source} is empty.");
            }

            LogRead(logger, _secretName, secret.Properties.Version);
            return _key = secret.Value;
        }
        finally
        {
            _reading.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Read the DashScope key from Key Vault secret {SecretName}, version {Version}")]
    private static partial void LogRead(ILogger logger, string secretName, string version);
}

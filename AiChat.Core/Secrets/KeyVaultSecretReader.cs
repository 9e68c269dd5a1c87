using AiChat.Core.DashScope;
using Azure.Security.KeyVault.Secrets;

namespace AiChat.Core.Secrets;

/// <summary>
/// One key kept in a Key Vault secret: read once, then kept until the service it opens refuses it. A failed read is
/// not kept, so a fixed vault or a new role assignment needs no restart; but the vault is not asked again until a
/// backoff has passed (2 s, doubling to 60 s), so a broken vault is not read on every call. Shared by the DashScope
/// and AMap keys.
/// </summary>
/// <param name="service">Whose key it is, for messages: "DashScope", "AMap".</param>
/// <param name="secretNameSetting">The setting that names the secret, for messages.</param>
/// <param name="unavailable">The exception a caller of this key expects when there is none: its message, its cause.</param>
internal sealed partial class KeyVaultSecretReader(
    SecretClient client, string secretName, string secretNameSetting, string service,
    Func<string, Exception?, Exception> unavailable, ILogger logger, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LongestBackoff = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _reading = new(1, 1);
    private volatile string? _key;
    private (string Problem, Exception? Cause, DateTimeOffset RetryAt, TimeSpan Backoff)? _failure;

    public string Source => $"Key Vault secret '{secretName}' at {client.VaultUri}";

    public async ValueTask<string> GetAsync(CancellationToken cancellationToken) =>
        _key ?? await ReadAsync(rejectedKey: null, cancellationToken);

    public ValueTask<string> RefreshAsync(string rejectedKey, CancellationToken cancellationToken) =>
        ReadAsync(rejectedKey, cancellationToken);

    public async ValueTask<ApiKeyStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        try
        {
            await GetAsync(cancellationToken);
            return new ApiKeyStatus(Source, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
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
            if (_failure is { } failed && time.GetUtcNow() < failed.RetryAt)
            {
                throw unavailable(failed.Problem, failed.Cause);
            }

            KeyVaultSecret secret;
            try
            {
                secret = await client.GetSecretAsync(secretName, cancellationToken: cancellationToken);
            }
            catch (Exception e) when (KeyVaultProblem.Describe(e, secretName, secretNameSetting, client.VaultUri) is { } problem)
            {
                throw Failed(problem, e);
            }

            if (string.IsNullOrWhiteSpace(secret.Value))
            {
                throw Failed($"The {Source} is empty.", null);
            }

            _failure = null;
            LogRead(logger, service, secretName, secret.Properties.Version);
            return _key = secret.Value;
        }
        finally
        {
            _reading.Release();
        }
    }

    /// <summary>Notes a failed read: the next one waits twice as long as the last wait, up to a minute.</summary>
    private Exception Failed(string problem, Exception? cause)
    {
        var backoff = _failure is { } previous ? TimeSpan.FromTicks(Math.Min(previous.Backoff.Ticks * 2, LongestBackoff.Ticks)) : FirstBackoff;
        _failure = (problem, cause, time.GetUtcNow() + backoff, backoff);
        return unavailable(problem, cause);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Read the {Service} key from Key Vault secret {SecretName}, version {Version}")]
    private static partial void LogRead(ILogger logger, string service, string secretName, string version);
}

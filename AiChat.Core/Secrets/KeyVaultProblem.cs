using Azure;
using Azure.Identity;

namespace AiChat.Core.Secrets;

/// <summary>Why a key could not be read from Key Vault, in words an operator can act on.</summary>
internal static class KeyVaultProblem
{
    /// <param name="secretNameSetting">The setting that names the secret, e.g. DASHSCOPE_API_KEY_SECRET_NAME.</param>
    /// <returns>The problem, or null when <paramref name="exception"/> is not a failure to read the secret.</returns>
    public static string? Describe(Exception exception, string secretName, string secretNameSetting, Uri vault) => exception switch
    {
        RequestFailedException { Status: 403 } e =>
            $"Key Vault {vault} denied access to the secret '{secretName}' (HTTP 403, {e.ErrorCode}). Give the app's identity the Key Vault Secrets User role on it.",
        RequestFailedException { Status: 404 } e =>
            $"Key Vault {vault} has no secret '{secretName}' (HTTP 404, {e.ErrorCode}). Create it, or name the right one in {secretNameSetting}.",
        RequestFailedException { Status: 0 } e =>
            $"Key Vault {vault} (KEY_VAULT_URI) could not be reached: {e.Message}",
        RequestFailedException e =>
            $"Key Vault {vault} refused to read the secret '{secretName}' (HTTP {e.Status}, {e.ErrorCode}).",
        AuthenticationFailedException =>
            $"No Azure credential could get a token for Key Vault {vault}: in Azure, turn on the app's managed identity; locally, sign in with `az login`.",
        // Azure.Core's retries gather each failed try; the last one says why it gave up.
        AggregateException { InnerExceptions: [.., var last] } => Describe(last, secretName, secretNameSetting, vault),
        _ => null,
    };
}

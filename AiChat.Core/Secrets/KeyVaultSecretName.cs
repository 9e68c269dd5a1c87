namespace AiChat.Core.Secrets;

/// <summary>Key Vault's rule for a secret's name: 1 to 127 letters, digits and dashes.</summary>
internal static class KeyVaultSecretName
{
    public static bool IsValid(string? name) => name is { Length: >= 1 and <= 127 } && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}

namespace AiChat.Core.Secrets;

/// <summary>Key Vault's rule for a secret's name: 1 to 127 letters, digits and dashes.</summary>
internal static class KeyVaultSecretName
{
    public static bool IsValid(string? name) => name is { Length: >= 1 and <= 127 } && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    /// <summary>Adds a failure naming <paramref name="setting"/> unless <paramref name="name"/> is a valid secret name.</summary>
    public static void Validate(string setting, string? name, List<string> failures)
    {
        if (!IsValid(name))
        {
            failures.Add($"{setting} must be a Key Vault secret name (1 to 127 letters, digits and dashes); got '{name}'.");
        }
    }
}

using Microsoft.Extensions.Configuration;

namespace AiChat.Core.OpenAI;

/// <summary>The OpenAI-compatible surface's settings.</summary>
internal sealed class OpenAIOptions
{
    /// <summary>The shortest client key accepted: a short key could be guessed.</summary>
    public const int MinimumKeyLength = 16;

    /// <summary>
    /// Comma-separated keys a caller may present as <c>Authorization: Bearer</c>; the surface is off (404) without one.
    /// In Azure the app setting may be a Key Vault reference.
    /// </summary>
    [ConfigurationKeyName("CLIENT_API_KEYS")]
    public string? ClientApiKeys { get; set; }

    public IReadOnlyList<string> Keys =>
        (ClientApiKeys ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

using System.Security.Cryptography;

namespace AiChat.Core.Sessions;

/// <summary>Session and message ids: 128 random bits from the OS's cryptographic generator, as 32 hex digits.</summary>
internal static class SessionIds
{
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Whether <paramref name="id"/> could be one of ours; anything else is unknown without asking a store.</summary>
    public static bool IsWellFormed(string id) => id.Length == 32 && id.All(char.IsAsciiHexDigitLower);
}

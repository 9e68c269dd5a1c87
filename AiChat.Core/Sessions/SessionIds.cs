using System.Security.Cryptography;

namespace AiChat.Core.Sessions;

/// <summary>Session and message ids: 128 random bits from the OS's cryptographic generator, as 32 hex digits.</summary>
internal static class SessionIds
{
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Whether <paramref name="id"/> could be one of ours; anything else is refused by its shape, never looked up, logged or echoed.</summary>
    public static bool IsWellFormed(string id) => id.Length == 32 && id.All(char.IsAsciiHexDigitLower);

    /// <summary>
    /// What a log line says instead of a session id, which is a bearer token for its conversation: the first 12 hex
    /// digits of its SHA-256, enough to correlate lines, of no use to reach the session.
    /// </summary>
    public static string Hash(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)).AsSpan(0, 6));
}

using System.Security.Cryptography;

namespace AiChat.Core.OpenAI;

/// <summary>
/// Who may use the OpenAI-compatible surface: callers presenting one of CLIENT_API_KEYS as a bearer token. Keys are
/// kept as SHA-256 digests and compared in constant time, every key every time, so neither a key's content nor its
/// length nor which key matched shows in the timing.
/// </summary>
internal sealed class ClientKeys(IOptions<OpenAIOptions> options)
{
    private const string BearerScheme = "Bearer ";

    private readonly byte[][] _digests = [.. options.Value.Keys.Select(k => SHA256.HashData(Encoding.UTF8.GetBytes(k)))];

    public bool IsEnabled => _digests.Length > 0;

    /// <summary>The error that refuses the request (404 while the surface is off, 401 for a missing or wrong key), or null.</summary>
    public ApiError? Refuse(HttpRequest request) => Refuse(request, out _);

    /// <param name="clientId">
    /// For an admitted request, which key it presented, for its limits: the first bytes of the key's digest in hex, so
    /// that neither the limit store nor a log line ever holds the key.
    /// </param>
    public ApiError? Refuse(HttpRequest request, out string? clientId)
    {
        clientId = null;
        if (!IsEnabled)
        {
            return new ApiError(404, "not_found", $"No endpoint at {request.Path}: the OpenAI-compatible API is off until CLIENT_API_KEYS is set.");
        }

        return Accepts(request.Headers.Authorization.ToString(), out clientId)
            ? null
            : new ApiError(401, "invalid_api_key", "Missing or incorrect API key: send Authorization: Bearer <one of this server's client keys>.");
    }

    private bool Accepts(string authorization, out string? clientId)
    {
        clientId = null;
        if (!authorization.StartsWith(BearerScheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        Span<byte> presented = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(authorization.AsSpan(BearerScheme.Length).Trim().ToString()), presented);
        var match = false;
        foreach (var digest in _digests)
        {
            match |= CryptographicOperations.FixedTimeEquals(digest, presented);
        }

        if (match)
        {
            clientId = Convert.ToHexStringLower(presented[..12]);
        }

        return match;
    }
}

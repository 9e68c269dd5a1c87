using System.Security.Cryptography;
using AiChat.Core.Limits;
using AiChat.Core.OpenAI;

namespace AiChat.Core.Sessions;

/// <summary>
/// Who owns the sessions a request starts, and may use them: the signed-in user when TRUST_EASY_AUTH believes App
/// Service Authentication, else the client key (one of CLIENT_API_KEYS) presented as a bearer token, else nobody. A
/// session with an owner answers only its owner; one without is a capability, usable by whoever holds its id. The
/// stores keep a digest of the identity, never the identity itself.
/// </summary>
internal sealed class SessionOwners(IOptions<LimitOptions> limits, ClientKeys keys)
{
    /// <summary>The owner of a session started without an identity.</summary>
    public const string Anonymous = "";

    public string Of(HttpContext context)
    {
        var identity =
            limits.Value.TrustEasyAuth && context.Request.Headers[ClientIdentity.PrincipalIdHeader] is [{ Length: > 0 } principal] ? "user:" + principal
            : keys.IsEnabled && keys.Refuse(context.Request, out var clientKey) is null ? "key:" + clientKey
            : null;
        return identity is null ? Anonymous : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)).AsSpan(0, 16));
    }

    /// <summary>Whether a caller who is <paramref name="caller"/> may use a session owned by <paramref name="owner"/>.</summary>
    public static bool Allows(string owner, string caller) => owner.Length == 0 || owner == caller;
}

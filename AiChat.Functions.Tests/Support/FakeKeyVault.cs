using System.Net.Sockets;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Security.KeyVault.Secrets;

namespace AiChat.Functions.Tests.Support;

/// <summary>
/// Key Vault's secrets endpoint as the real <see cref="SecretClient"/> meets it, with no Azure behind it. A request
/// without a token gets the 401 bearer challenge; a read of <see cref="SecretName"/> with the token gets the next
/// planned answer (the last one repeats); any other secret is not found, as in a real vault.
/// </summary>
public sealed class FakeKeyVault(params Func<int, HttpResponseMessage>[] answers) : HttpMessageHandler
{
    public const string SecretName = "DashScopeApiKey";
    private const string Token = "fake-vault-access-token";
    private const string Scope = "https://vault.azure.net/.default";

    private int _secretReads;
    private int _challenges;

    /// <summary>A host of its own: the SDK remembers each vault host's challenge for the whole process.</summary>
    public Uri Address { get; } = new($"https://aichat-{Guid.NewGuid():N}.vault.azure.net/");

    /// <summary>Reads of <see cref="SecretName"/> that came with a token: what the app costs the vault.</summary>
    public int SecretReads => Volatile.Read(ref _secretReads);

    public int Challenges => Volatile.Read(ref _challenges);

    public static Func<int, HttpResponseMessage> Secret(string value) => read => Json(HttpStatusCode.OK, $$$"""
        {"value":{{{JsonSerializer.Serialize(value)}}},"id":"https://aichat.vault.azure.net/secrets/{{{SecretName}}}/{{{read:x32}}}",
         "attributes":{"enabled":true,"created":1767225600,"updated":1767225600,"recoveryLevel":"Recoverable+Purgeable","recoverableDays":90}}
        """);

    public static Func<int, HttpResponseMessage> Forbidden { get; } = _ => Json(HttpStatusCode.Forbidden, """
        {"error":{"code":"Forbidden","message":"Caller is not authorized to perform action on resource.\r\nAction: 'Microsoft.KeyVault/vaults/secrets/getSecret/action'\r\nAssignment: (not found)\r\nDecisionReason: 'DeniedWithNoValidRBAC'","innererror":{"code":"ForbiddenByRbac"}}}
        """);

    public static Func<int, HttpResponseMessage> Unreachable { get; } = _ =>
        throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused", new SocketException((int)SocketError.ConnectionRefused));

    /// <summary>The real client, over this vault instead of the network, with a credential that needs no sign-in.</summary>
    public SecretClient CreateClient() =>
        new(Address, new FakeCredential(), new SecretClientOptions { Transport = new HttpClientTransport(this), Retry = { MaxRetries = 0 } });

    /// <summary>For <see cref="AiChatApplication"/>: the app reads its key from this vault.</summary>
    public void Replace(IServiceCollection services) => services.AddSingleton(CreateClient());

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.Authorization is not { Scheme: "Bearer", Parameter: Token })
        {
            Interlocked.Increment(ref _challenges);
            var challenge = Json(HttpStatusCode.Unauthorized, """{"error":{"code":"Unauthorized","message":"AKV10000: Request is missing a Bearer or PoP token."}}""");
            challenge.Headers.WwwAuthenticate.ParseAdd("""Bearer authorization="https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000", resource="https://vault.azure.net" """);
            return Task.FromResult(challenge);
        }

        if (request.Method != HttpMethod.Get || request.RequestUri!.AbsolutePath.TrimEnd('/') != $"/secrets/{SecretName}")
        {
            return Task.FromResult(Json(HttpStatusCode.NotFound, $$$"""
                {"error":{"code":"SecretNotFound","message":"A secret with (name/id) {{{request.RequestUri!.Segments[^1].TrimEnd('/')}}} was not found in this key vault."}}
                """));
        }

        var read = Interlocked.Increment(ref _secretReads);
        return Task.FromResult(answers[Math.Min(read, answers.Length) - 1](read));
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private sealed class FakeCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            requestContext.Scopes is [Scope]
                ? new AccessToken(Token, DateTimeOffset.UtcNow.AddHours(1))
                : throw new InvalidOperationException($"Asked for a token for {string.Join(", ", requestContext.Scopes)}, not Key Vault.");

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}

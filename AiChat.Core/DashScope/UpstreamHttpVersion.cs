using System.Net;

namespace AiChat.Core.DashScope;

/// <summary>
/// The HTTP version of every request to DashScope (DASHSCOPE_HTTP2): HTTP/1.1 by default; with HTTP/2, negotiated
/// over TLS (HTTP/1.1 when the upstream does not offer it), and with prior knowledge over clear text, where no
/// negotiation exists.
/// </summary>
internal readonly record struct UpstreamHttpVersion(Version Version, HttpVersionPolicy Policy)
{
    public static UpstreamHttpVersion For(AiChatOptions options) =>
        !options.Http2 ? new(HttpVersion.Version11, HttpVersionPolicy.RequestVersionOrLower)
        : options.BaseUrl.StartsWith("https:", StringComparison.OrdinalIgnoreCase) ? new(HttpVersion.Version20, HttpVersionPolicy.RequestVersionOrLower)
        : new(HttpVersion.Version20, HttpVersionPolicy.RequestVersionExact);

    public HttpRequestMessage Apply(HttpRequestMessage message)
    {
        message.Version = Version;
        message.VersionPolicy = Policy;
        return message;
    }
}

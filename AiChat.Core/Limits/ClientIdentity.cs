using System.Net;
using Microsoft.Extensions.Primitives;

namespace AiChat.Core.Limits;

/// <summary>
/// Who a caller is, for its limits: the signed-in user when App Service Authentication vouches for one and
/// TRUST_EASY_AUTH says to believe it, else the client key it presented on /v1, else the client's address. The address is the connection's peer, or,
/// while that peer is a trusted proxy, the address that proxy appended to X-Forwarded-For, read from the right:
/// entries a caller wrote itself sit left of every trusted hop and are never reached. With CLIENT_IP_HEADER the address
/// is what the front end wrote in that header (docs/limits.md#who-the-client-is).
/// </summary>
internal static class ClientIdentity
{
    public const string PrincipalIdHeader = "X-MS-CLIENT-PRINCIPAL-ID";

    /// <param name="clientKey">On /v1, the accepted client key's identifier (never the key itself); null elsewhere.</param>
    /// <param name="ipv6PrefixLength">An IPv6 caller is its network of this prefix: one subscriber usually holds a whole /64.</param>
    /// <param name="clientIpHeader">CLIENT_IP_HEADER: a front end's header naming the client's address, believed ahead of the peer.</param>
    public static string Of(
        HttpContext context, TrustedProxies proxies, bool trustEasyAuth, string? clientKey = null, int ipv6PrefixLength = 64, string? clientIpHeader = null)
    {
        if (trustEasyAuth && context.Request.Headers[PrincipalIdHeader] is [{ Length: > 0 } principal])
        {
            return "user:" + principal;
        }

        if (clientKey is not null)
        {
            return "key:" + clientKey;
        }

        var address = clientIpHeader is not null && HeaderAddress(context.Request.Headers[clientIpHeader]) is { } written
            ? written
            : AddressOf(context.Connection.RemoteIpAddress, context.Request.Headers["X-Forwarded-For"], proxies);
        return "ip:" + NetworkOf(address, ipv6PrefixLength);
    }

    /// <summary>
    /// The address a front end wrote in CLIENT_IP_HEADER (App Service's CLIENT-IP carries the port too); null when the
    /// header is absent or not one address, and the connection then says who the client is.
    /// </summary>
    private static string? HeaderAddress(StringValues header) =>
        header is [{ } value] && ParseHop(value.Trim()) is { } address ? TrustedProxies.Normalize(address).ToString() : null;

    /// <summary>An IPv6 address as its network ("2001:db8:1:2::/64"); an IPv4 address, or anything else, as it is.</summary>
    public static string NetworkOf(string address, int ipv6PrefixLength) =>
        ipv6PrefixLength < 128 && IPAddress.TryParse(address, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? new IPNetwork(Masked(ip, ipv6PrefixLength), ipv6PrefixLength).ToString()
            : address;

    private static IPAddress Masked(IPAddress address, int prefixLength)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        for (var bit = prefixLength; bit < 128; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }

        return new IPAddress(bytes);
    }

    public static string AddressOf(IPAddress? peer, StringValues forwardedFor, TrustedProxies proxies)
    {
        if (peer is null)
        {
            return "unknown";
        }

        var address = TrustedProxies.Normalize(peer);
        if (!proxies.Contains(address))
        {
            return address.ToString();
        }

        var hops = forwardedFor.SelectMany(value => (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        for (var i = hops.Count - 1; i >= 0 && proxies.Contains(address); i--)
        {
            if (ParseHop(hops[i]) is not { } hop)
            {
                // A trusted proxy wrote something that is not an address: stop at the proxy rather than guess.
                break;
            }

            address = TrustedProxies.Normalize(hop);
        }

        return address.ToString();
    }

    /// <summary>An address, with or without a port ("203.0.113.7", "203.0.113.7:51234", "[2001:db8::1]:443").</summary>
    private static IPAddress? ParseHop(string hop) =>
        IPAddress.TryParse(hop, out var address) ? address
        : IPEndPoint.TryParse(hop, out var endPoint) ? endPoint.Address
        : null;
}

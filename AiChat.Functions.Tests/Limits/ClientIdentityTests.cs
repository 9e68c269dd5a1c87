using AiChat.Core.Limits;
using Microsoft.AspNetCore.Http;

namespace AiChat.Functions.Tests.Limits;

public sealed class ClientIdentityTests
{
    private static readonly IPAddress Peer = IPAddress.Parse("198.51.100.10");

    [Fact]
    public void Forwarded_for_from_an_untrusted_peer_is_ignored()
    {
        var address = ClientIdentity.AddressOf(Peer, "203.0.113.7", Proxies("10.0.0.0/8"));

        Assert.Equal("198.51.100.10", address);
    }

    [Fact]
    public void A_trusted_proxy_is_believed_for_the_hop_it_appended()
    {
        var address = ClientIdentity.AddressOf(Peer, "203.0.113.7", Proxies("198.51.100.10"));

        Assert.Equal("203.0.113.7", address);
    }

    [Fact]
    public void Entries_a_caller_wrote_left_of_the_trusted_hops_are_never_reached()
    {
        // The caller sent "1.2.3.4"; the edge proxy appended the caller's real address; the inner proxy appended the edge's.
        var address = ClientIdentity.AddressOf(Peer, "1.2.3.4, 203.0.113.7, 10.1.2.3", Proxies("198.51.100.0/24,10.0.0.0/8"));

        Assert.Equal("203.0.113.7", address);
    }

    [Theory]
    [InlineData("203.0.113.7:51234", "203.0.113.7")]
    [InlineData("[2001:db8::7]:443", "2001:db8::7")]
    [InlineData("2001:db8::7", "2001:db8::7")]
    [InlineData("garbage", "198.51.100.10")]
    public void Hops_with_ports_are_read_and_garbage_stops_at_the_proxy(string hop, string expected)
    {
        Assert.Equal(expected, ClientIdentity.AddressOf(Peer, hop, Proxies("198.51.100.10")));
    }

    [Fact]
    public void An_ipv4_peer_seen_as_ipv6_matches_an_ipv4_range()
    {
        var address = ClientIdentity.AddressOf(Peer.MapToIPv6(), "203.0.113.7", Proxies("198.51.100.0/24"));

        Assert.Equal("203.0.113.7", address);
    }

    [Fact]
    public void The_easy_auth_principal_names_the_client_only_when_trusted()
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = Peer;
        context.Request.Headers[ClientIdentity.PrincipalIdHeader] = "user-42";

        Assert.Equal("user:user-42", ClientIdentity.Of(context, TrustedProxies.None, trustEasyAuth: true));
        Assert.Equal("ip:198.51.100.10", ClientIdentity.Of(context, TrustedProxies.None, trustEasyAuth: false));
    }

    [Fact]
    public void Trusted_proxies_refuse_entries_that_are_neither_addresses_nor_ranges()
    {
        Assert.Null(TrustedProxies.TryParse("10.0.0.1, proxy.internal, 10.0.0.0/40", out var bad));
        Assert.Equal(["proxy.internal", "10.0.0.0/40"], bad);
    }

    [Fact]
    public void An_ipv6_caller_is_its_64_network_so_rotating_addresses_stays_one_client()
    {
        var first = Caller("2001:db8:1:2::1");
        var rotated = Caller("2001:db8:1:2:ffff:abcd:1234:5678");
        var neighbour = Caller("2001:db8:1:3::1");

        Assert.Equal("ip:2001:db8:1:2::/64", ClientIdentity.Of(first, TrustedProxies.None, trustEasyAuth: false));
        Assert.Equal(ClientIdentity.Of(first, TrustedProxies.None, false), ClientIdentity.Of(rotated, TrustedProxies.None, false));
        Assert.NotEqual(ClientIdentity.Of(first, TrustedProxies.None, false), ClientIdentity.Of(neighbour, TrustedProxies.None, false));
    }

    [Theory]
    [InlineData(48, "ip:2001:db8:1::/48")]
    [InlineData(128, "ip:2001:db8:1:2::1")]
    public void The_ipv6_prefix_length_is_configurable(int prefixLength, string expected)
    {
        Assert.Equal(expected, ClientIdentity.Of(Caller("2001:db8:1:2::1"), TrustedProxies.None, false, ipv6PrefixLength: prefixLength));
    }

    [Fact]
    public void An_ipv4_caller_is_its_own_address_whatever_the_ipv6_prefix()
    {
        Assert.Equal("ip:198.51.100.10", ClientIdentity.Of(Caller("198.51.100.10"), TrustedProxies.None, false, ipv6PrefixLength: 8));
    }

    private static DefaultHttpContext Caller(string address) => new() { Connection = { RemoteIpAddress = IPAddress.Parse(address) } };

    private static TrustedProxies Proxies(string setting) => TrustedProxies.TryParse(setting, out _)!;
}

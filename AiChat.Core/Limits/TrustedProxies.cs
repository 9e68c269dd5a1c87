using System.Net;

namespace AiChat.Core.Limits;

/// <summary>The addresses and ranges of TRUSTED_PROXIES.</summary>
internal sealed class TrustedProxies
{
    private readonly IPNetwork[] _networks;

    private TrustedProxies(IPNetwork[] networks) => _networks = networks;

    public static TrustedProxies None { get; } = new([]);

    /// <summary>
    /// Parses "10.0.0.5, 172.16.0.0/12, fd00::/8"; null and a list of its bad entries when any entry is neither an address
    /// nor a range, or is a /0 range, which would let every caller choose its own address.
    /// </summary>
    public static TrustedProxies? TryParse(string? setting, out IReadOnlyList<string> bad)
    {
        List<IPNetwork> networks = [];
        List<string> invalid = [];
        foreach (var entry in (setting ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (IPNetwork.TryParse(entry, out var network) && network.PrefixLength > 0)
            {
                networks.Add(network);
            }
            else if (!entry.Contains('/', StringComparison.Ordinal) && IPAddress.TryParse(entry, out var address))
            {
                address = Normalize(address);
                networks.Add(new IPNetwork(address, address.GetAddressBytes().Length * 8));
            }
            else
            {
                invalid.Add(entry);
            }
        }

        bad = invalid;
        return invalid.Count == 0 ? new TrustedProxies([.. networks]) : null;
    }

    public bool Contains(IPAddress address)
    {
        address = Normalize(address);
        foreach (var network in _networks)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }

    public static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}

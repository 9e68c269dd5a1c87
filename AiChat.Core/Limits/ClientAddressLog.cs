using Microsoft.Extensions.Hosting;

namespace AiChat.Core.Limits;

/// <summary>
/// One line at start-up saying how a caller's address is found (CLIENT_IP_HEADER, TRUSTED_PROXIES, FRONT_DOOR_ID),
/// so an operator can check a deployment's setting in its log; CLIENT_IP_DEBUG shows the result per request on /health.
/// </summary>
internal sealed partial class ClientAddressLog(IOptions<LimitOptions> options, ILogger<ClientAddressLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var derivation = Describe(options.Value);
        ClientAddress(logger, derivation);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static string Describe(LimitOptions limits)
    {
        var address = limits.ClientIpHeader is { Length: > 0 } header
            ? $"the {header} header (CLIENT_IP_HEADER), or the connection's peer when a request has none"
            : string.IsNullOrWhiteSpace(limits.TrustedProxies)
                ? "the connection's peer (X-Forwarded-For is not believed: TRUSTED_PROXIES is empty)"
                : $"the connection's peer, or the address a proxy in TRUSTED_PROXIES ({limits.TrustedProxies}) appended to X-Forwarded-For";
        var frontDoor = string.IsNullOrWhiteSpace(limits.FrontDoorId)
            ? ""
            : $"; requests without {FrontDoorGate.IdHeader}: {limits.FrontDoorId} (FRONT_DOOR_ID) are refused with 403";
        return $"{address}; IPv6 callers by their /{limits.Ipv6PrefixLength}{frontDoor}";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Client address: {Derivation}")]
    private static partial void ClientAddress(ILogger logger, string derivation);
}

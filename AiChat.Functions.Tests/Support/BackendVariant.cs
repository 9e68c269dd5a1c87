using Xunit.Abstractions;

namespace AiChat.Functions.Tests.Support;

/// <summary>
/// One cell of the host × protocol × settings matrix, as a theory argument: serializable, so each cell is a test case of
/// its own, and named by host and protocol in the test's display name.
/// </summary>
public sealed record BackendVariant : IXunitSerializable
{
    [Obsolete("For xunit's deserializer only.")]
    public BackendVariant()
    {
    }

    public BackendVariant(HostKind host, UpstreamProtocol protocol, BackendSetup setup)
    {
        Host = host;
        Protocol = protocol;
        Setup = setup;
    }

    public HostKind Host { get; private set; }

    public UpstreamProtocol Protocol { get; private set; }

    public BackendSetup Setup { get; private set; }

    /// <summary>Where the protocol lives on DashScope: "/api/v1" or "/compatible-mode/v1".</summary>
    public string BasePath => Protocol == UpstreamProtocol.Native ? "/api/v1" : "/compatible-mode/v1";

    public void Deserialize(IXunitSerializationInfo info)
    {
        Host = info.GetValue<HostKind>(nameof(Host));
        Protocol = info.GetValue<UpstreamProtocol>(nameof(Protocol));
        Setup = info.GetValue<BackendSetup>(nameof(Setup));
    }

    public void Serialize(IXunitSerializationInfo info)
    {
        info.AddValue(nameof(Host), Host);
        info.AddValue(nameof(Protocol), Protocol);
        info.AddValue(nameof(Setup), Setup);
    }

    public override string ToString()
    {
        var protocol = Protocol == UpstreamProtocol.Native ? "native" : "compatible-mode";
        return Setup == BackendSetup.Plain ? $"{Host}, {protocol}" : $"{Host}, {protocol}, {Setup}";
    }
}

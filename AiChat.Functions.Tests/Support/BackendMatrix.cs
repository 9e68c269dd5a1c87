using System.Collections;

namespace AiChat.Functions.Tests.Support;

/// <summary>
/// The cells a test class runs on, written as data: hosts × protocols, with one setup. A class exposes its matrix as a
/// static property named Matrix, and <see cref="MatrixDataAttribute"/> turns it into theory rows.
/// </summary>
public sealed class BackendMatrix : IEnumerable<BackendVariant>
{
    private readonly HostKind[] _hosts;
    private readonly UpstreamProtocol[] _protocols;
    private readonly BackendSetup _setup;

    private BackendMatrix(HostKind[] hosts, UpstreamProtocol[] protocols, BackendSetup setup)
    {
        _hosts = hosts;
        _protocols = protocols;
        _setup = setup;
    }

    /// <summary>Every host, on the native protocol, with the plain setup.</summary>
    public static BackendMatrix EveryHost => ForHosts(HostKind.SelfHost, HostKind.Functions, HostKind.NativeSelfHost);

    /// <summary>The given hosts, on the native protocol, with the plain setup, until narrowed or widened.</summary>
    public static BackendMatrix ForHosts(params HostKind[] hosts) => new(hosts, [UpstreamProtocol.Native], BackendSetup.Plain);

    public BackendMatrix WithProtocols(params UpstreamProtocol[] protocols) => new(_hosts, protocols, _setup);

    public BackendMatrix WithBothProtocols() => WithProtocols(UpstreamProtocol.Native, UpstreamProtocol.CompatibleMode);

    public BackendMatrix WithSetup(BackendSetup setup) => new(_hosts, _protocols, setup);

    /// <summary>Theory rows: each cell followed by each of <paramref name="rows"/>.</summary>
    public IEnumerable<object?[]> Cross(IEnumerable<object?[]> rows) =>
        this.SelectMany(variant => rows.Select(row => (object?[])[variant, .. row]));

    public IEnumerator<BackendVariant> GetEnumerator() =>
        _hosts.SelectMany(host => _protocols.Select(protocol => new BackendVariant(host, protocol, _setup))).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

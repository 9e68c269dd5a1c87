namespace AiChat.Functions.Tests.Support;

public static class HostKindExtensions
{
    /// <summary>Whether Kestrel itself answers the caller (a self-host, on the JIT or native), rather than the Functions host in front.</summary>
    public static bool IsKestrel(this HostKind host) => host is HostKind.SelfHost or HostKind.NativeSelfHost;
}

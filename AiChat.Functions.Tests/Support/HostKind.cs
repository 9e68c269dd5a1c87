namespace AiChat.Functions.Tests.Support;

/// <summary>The ways AiChat is run, each HTTP behaviour being tested on all of them.</summary>
public enum HostKind
{
    /// <summary>AiChat.Server: ASP.NET Core on Kestrel, in the test process.</summary>
    SelfHost,

    /// <summary>AiChat.Functions: the real isolated worker as a child process, behind the Functions host stand-in.</summary>
    Functions,

    /// <summary>AiChat.Server as <c>dotnet publish</c> ships it, native code in its own process, configured by environment variables.</summary>
    NativeSelfHost,
}

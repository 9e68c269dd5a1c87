namespace AiChat.Functions.Tests.Support;

/// <summary>The two ways AiChat is hosted, each HTTP behaviour being tested on both.</summary>
public enum HostKind
{
    /// <summary>AiChat.Server: ASP.NET Core on Kestrel, in the test process.</summary>
    SelfHost,

    /// <summary>AiChat.Functions: the real isolated worker as a child process, behind the Functions host stand-in.</summary>
    Functions,
}

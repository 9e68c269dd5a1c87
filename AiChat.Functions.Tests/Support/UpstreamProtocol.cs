namespace AiChat.Functions.Tests.Support;

/// <summary>The two DashScope protocols AiChat can speak upstream, each HTTP behaviour being tested on both where it differs.</summary>
public enum UpstreamProtocol
{
    /// <summary>DashScope's own protocol, under /api/v1.</summary>
    Native,

    /// <summary>The OpenAI-compatible protocol, under /compatible-mode/v1.</summary>
    CompatibleMode,
}

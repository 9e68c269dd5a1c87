namespace AiChat.Functions.Tests.Support;

/// <summary>The settings a backend starts with, on top of its upstream's (<see cref="BackendSettings"/> spells each out).</summary>
public enum BackendSetup
{
    /// <summary>Only the upstream, with the limits off.</summary>
    Plain,

    /// <summary>The geo assistant on, its AMap key and base URL pointing at an AMap emulator.</summary>
    GeoAssistant,

    /// <summary>The OpenAI-compatible surface on: two client keys configured.</summary>
    OpenAIClientKeys,

    /// <summary>CORS limited to two origins.</summary>
    RestrictedOrigins,

    /// <summary>Keep-alive comments every 2 s of silence, an idle timeout well above the tests' pauses, two client keys.</summary>
    KeepAlive,

    /// <summary>DASHSCOPE_HTTP2 on, in front of an emulator that serves HTTP/2 only.</summary>
    Http2Upstream,

    /// <summary>Callers who can be told apart: two client keys, Easy Auth believed; sessions of at most four messages.</summary>
    IdentifiedCallers,
}

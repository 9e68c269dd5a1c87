namespace AiChat.Emulator;

/// <summary>Settings of a <see cref="DashScopeEmulator"/>, read once when it starts.</summary>
public sealed class EmulatorOptions
{
    /// <summary>Loopback port to bind; 0 picks a free one.</summary>
    public int Port { get; set; }

    public string ApiKey { get; set; } = "sk-emulator";

    /// <summary>Pause between stream events; a request can override it with <c>[[chunk-delay-ms:N]]</c>.</summary>
    public TimeSpan ChunkDelay { get; set; } = TimeSpan.Zero;

    /// <summary>How long <c>[[fault:slow-first-byte]]</c> holds back the response headers.</summary>
    public TimeSpan SlowFirstByteDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Serve HTTP/2 only, in clear text (prior knowledge), as an upstream that AiChat reaches with DASHSCOPE_HTTP2=true
    /// over http://; HTTP/1.1 requests are then refused. Kestrel does not offer both on one clear-text port.
    /// </summary>
    public bool Http2Only { get; set; }

    /// <summary>Keep a <see cref="ReceivedChatRequest"/> per chat request; turn off for long benchmarks.</summary>
    public bool RecordRequests { get; set; } = true;

    /// <summary>Models the emulator serves. qwen-max-longcontext is deliberately absent: it is retired upstream.</summary>
    public IList<string> Models { get; } =
        ["qwen-plus", "qwen-flash", "qwen-turbo", "qwen-max", "qwen3-max", "qwen-long", "qwen3.6-plus", "qwen3.5-plus", "qwen3.5-flash", "qwen3-vl-plus", "qwq-plus"];
}

namespace AiChat.Core.Streaming;

/// <summary>The keep-alive setting (STREAM_KEEPALIVE_SECONDS) of every event stream, and the clock its timers run on.</summary>
internal sealed class StreamKeepAlive(IOptions<AiChatOptions> options, TimeProvider time)
{
    private readonly TimeSpan _interval = TimeSpan.FromSeconds(options.Value.StreamKeepAliveSeconds);

    /// <summary>
    /// <paramref name="body"/> with a keep-alive comment whenever nothing was written to it for the interval, or
    /// <see langword="null"/> when keep-alive is off.
    /// </summary>
    public KeepAliveStream? Wrap(Stream body, CancellationToken aborted) =>
        _interval > TimeSpan.Zero ? new KeepAliveStream(body, _interval, time, aborted) : null;
}

using System.IO.Pipelines;

namespace AiChat.Core.Streaming;

/// <summary>The keep-alive setting (STREAM_KEEPALIVE_SECONDS) of every event stream, and the clock its timers run on.</summary>
internal sealed class StreamKeepAlive(IOptions<AiChatOptions> options, TimeProvider time)
{
    private readonly TimeSpan _interval = TimeSpan.FromSeconds(options.Value.StreamKeepAliveSeconds);

    /// <summary>
    /// Keep-alive comments into <paramref name="body"/> whenever no event was written for the interval, or
    /// <see langword="null"/> when keep-alive is off.
    /// </summary>
    public KeepAliveComments? Start(PipeWriter body, CancellationToken aborted) =>
        _interval > TimeSpan.Zero ? new KeepAliveComments(body, _interval, time, aborted) : null;
}

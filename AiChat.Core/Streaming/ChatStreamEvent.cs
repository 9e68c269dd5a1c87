namespace AiChat.Core.Streaming;

/// <summary>
/// One event of a chat stream, as the stream-chat-service seed defines them: stream_start, stream_chunk,
/// stream_end or error, each carrying the reply's message id and its session id (null outside a session).
/// </summary>
internal abstract record ChatStreamEvent(string MessageId, string? SessionId)
{
    public abstract string Type { get; }
}

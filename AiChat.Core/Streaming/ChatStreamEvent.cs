namespace AiChat.Core.Streaming;

/// <summary>
/// One event of a chat turn (<see cref="Turns.ChatTurn"/>): stream_start, stream_chunk, the geo assistant's
/// tool_status, map_action and geo_card, and stream_end; or, made by the stream surface from a failure, error. Each
/// carries the reply's message id and its session id (null outside a session).
/// </summary>
internal abstract record ChatStreamEvent(string MessageId, string? SessionId)
{
    public abstract string Type { get; }
}

namespace AiChat.Core.Streaming;

/// <summary>A piece of the answer's text; when the turn relays the upstream's deltas, the whole <see cref="Delta"/> it came in.</summary>
internal sealed record StreamChunkEvent(string MessageId, string? SessionId, string Chunk) : ChatStreamEvent(MessageId, SessionId)
{
    public override string Type => "stream_chunk";

    public ChatDelta? Delta { get; init; }
}

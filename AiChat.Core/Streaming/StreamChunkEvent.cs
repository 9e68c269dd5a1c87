namespace AiChat.Core.Streaming;

internal sealed record StreamChunkEvent(string MessageId, string? SessionId, string Chunk) : ChatStreamEvent(MessageId, SessionId)
{
    public override string Type => "stream_chunk";
}

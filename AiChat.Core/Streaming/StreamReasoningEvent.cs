namespace AiChat.Core.Streaming;

/// <summary>A piece of a thinking model's reasoning, sent as it arrives and before the answer's chunks.</summary>
internal sealed record StreamReasoningEvent(string MessageId, string? SessionId, string Chunk) : ChatStreamEvent(MessageId, SessionId)
{
    public override string Type => "stream_reasoning";
}

namespace AiChat.Core.Streaming;

internal sealed record StreamEndEvent(string MessageId, string? SessionId, string? FinishReason, TokenUsage? Usage) : ChatStreamEvent(MessageId, SessionId)
{
    public override string Type => "stream_end";
}

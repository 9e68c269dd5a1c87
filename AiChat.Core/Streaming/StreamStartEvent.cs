namespace AiChat.Core.Streaming;

internal sealed record StreamStartEvent(string MessageId, string? SessionId, string Model) : ChatStreamEvent(MessageId, SessionId)
{
    public override string Type => "stream_start";
}

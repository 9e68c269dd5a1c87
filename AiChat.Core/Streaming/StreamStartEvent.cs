namespace AiChat.Core.Streaming;

public sealed record StreamStartEvent(string MessageId, string? SessionId, string Model) : ChatStreamEvent(MessageId, SessionId)
{
    public override string Type => "stream_start";
}

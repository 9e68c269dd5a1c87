namespace AiChat.Core.Streaming;

/// <summary>
/// The stream's last event when the turn fails after the stream started, made by <see cref="ChatStreamResult{T}"/>;
/// <see cref="Error"/> says with which status and code.
/// </summary>
internal sealed record StreamErrorEvent(string MessageId, string? SessionId, ApiError Error) : ChatStreamEvent(MessageId, SessionId)
{
    public override string Type => "error";
}

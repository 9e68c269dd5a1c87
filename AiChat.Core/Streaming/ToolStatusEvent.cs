namespace AiChat.Core.Streaming;

/// <summary>
/// A tool call's progress (docs/geo-assistant.md#events): <c>started</c> with its label, then <c>succeeded</c> with the result
/// count or <c>failed</c> with the error code, both with the elapsed milliseconds.
/// </summary>
internal sealed record ToolStatusEvent(string MessageId, string? SessionId, string CallId, string Tool, string Status) : ChatStreamEvent(MessageId, SessionId)
{
    public const string Started = "started";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";

    public override string Type => "tool_status";

    public string? Label { get; init; }

    public int? ResultCount { get; init; }

    public string? ErrorCode { get; init; }

    /// <summary>Why a call failed, in words the user can read, when the reason is the user's own (its tool budget).</summary>
    public string? Message { get; init; }

    public long? ElapsedMs { get; init; }
}

using AiChat.Core.Streaming;

namespace AiChat.Core.Turns;

/// <summary>
/// One streamed model call of a turn: each delta, as it arrives, becomes a chunk event; once they are through, the
/// round's reply text, finish reason, usage and the tool calls it made (when it was offered tools) can be read.
/// </summary>
/// <param name="calls">Puts the round's tool-call fragments together; null when the round may not call tools.</param>
/// <param name="keepsReply">Whether the reply's text is kept, for the session or the next round.</param>
/// <param name="keepsReasoning">Whether the reasoning is kept too (<c>preserve_thinking</c>).</param>
internal sealed class ModelRound(string messageId, string? sessionId, ToolCallAccumulator? calls, bool keepsReply, bool relaysDeltas, bool keepsReasoning = false)
{
    private readonly StringBuilder? _reply = keepsReply ? new StringBuilder() : null;
    private readonly StringBuilder? _reasoning = keepsReasoning ? new StringBuilder() : null;

    public string Reply => _reply?.ToString() ?? "";

    /// <summary>The round's reasoning when it is kept and the model reasoned; null otherwise.</summary>
    public string? Reasoning => _reasoning is { Length: > 0 } reasoning ? reasoning.ToString() : null;

    /// <summary>The first finish reason the upstream sent.</summary>
    public string? FinishReason { get; private set; }

    /// <summary>The last usage the upstream sent.</summary>
    public TokenUsage? Usage { get; private set; }

    /// <summary>
    /// The delta's reasoning as its own event, to go before the delta's chunk; null when it has none, or when the
    /// surface relays deltas (the chunk then carries the reasoning).
    /// </summary>
    public StreamReasoningEvent? Reason(ChatDelta delta)
    {
        if (delta.ReasoningContent is not { } reasoning)
        {
            return null;
        }

        _reasoning?.Append(reasoning);
        return relaysDeltas ? null : new StreamReasoningEvent(messageId, sessionId, reasoning);
    }

    /// <summary>Takes in one delta; returns its chunk event, or null for a delta without text (relaying, every delta has one).</summary>
    public StreamChunkEvent? Add(ChatDelta delta)
    {
        FinishReason ??= delta.FinishReason;
        Usage = delta.Usage ?? Usage;
        if (delta.ToolCalls is { } fragments)
        {
            calls?.Add(fragments);
        }

        _reply?.Append(delta.Content);
        return relaysDeltas
            ? new StreamChunkEvent(messageId, sessionId, delta.Content) { Delta = delta }
            : delta.Content.Length > 0 ? new StreamChunkEvent(messageId, sessionId, delta.Content) : null;
    }

    /// <summary>The tool calls the round made, complete; anything in their fragments that broke the rules is logged.</summary>
    public IReadOnlyList<AccumulatedToolCall> ToolCalls(ILogger logger)
    {
        if (calls is null)
        {
            return [];
        }

        var completed = calls.Complete();
        foreach (var anomaly in calls.Anomalies)
        {
            ChatLog.ToolCallAnomaly(logger, anomaly);
        }

        return completed;
    }
}

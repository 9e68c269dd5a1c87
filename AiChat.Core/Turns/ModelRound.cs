using System.Text;
using AiChat.Core.Api;
using AiChat.Core.Chat;
using AiChat.Core.Streaming;
using Microsoft.Extensions.Logging;

namespace AiChat.Core.Turns;

/// <summary>
/// One streamed model call of a turn: each delta, as it arrives, becomes a chunk event; once they are through, the
/// round's reply text, finish reason, usage and the tool calls it made (when it was offered tools) can be read.
/// </summary>
/// <param name="calls">Puts the round's tool-call fragments together; null when the round may not call tools.</param>
/// <param name="keepsReply">Whether the reply's text is kept, for the session or the next round.</param>
internal sealed class ModelRound(string messageId, string? sessionId, ToolCallAccumulator? calls, bool keepsReply, bool relaysDeltas)
{
    private readonly StringBuilder? _reply = keepsReply ? new StringBuilder() : null;

    public string Reply => _reply?.ToString() ?? "";

    /// <summary>The first finish reason the upstream sent.</summary>
    public string? FinishReason { get; private set; }

    /// <summary>The last usage the upstream sent.</summary>
    public TokenUsage? Usage { get; private set; }

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

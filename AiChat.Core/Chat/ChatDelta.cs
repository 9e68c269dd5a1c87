namespace AiChat.Core.Chat;

/// <summary>
/// One upstream stream event: new text, and on the last ones the finish reason and token usage.
/// A delta may carry only usage (the OpenAI-compatible protocol's final chunk).
/// </summary>
public sealed record ChatDelta(string Content, string? FinishReason = null, TokenUsage? Usage = null);

using System.ComponentModel;

namespace AiChat.Core.OpenApi;

/// <summary>The body of /api/chat/completions and /api/chat/stream, as the document describes it (the Flask-compatible shape).</summary>
internal sealed record MessagesRequest(
    [property: JsonPropertyName("messages"), Description("The conversation; at least one user message, at most MAX_REQUEST_MESSAGES.")] IReadOnlyList<RequestMessage> Messages,
    [property: JsonPropertyName("model"), Description(FieldDescriptions.Model)] string? Model = null,
    [property: JsonPropertyName("session_id"), Description("Continue this server-side session: its history goes upstream first.")] string? SessionId = null,
    [property: JsonPropertyName("temperature"), Description(FieldDescriptions.Temperature)] double? Temperature = null,
    [property: JsonPropertyName("top_p"), Description(FieldDescriptions.TopP)] double? TopP = null,
    [property: JsonPropertyName("max_tokens"), Description(FieldDescriptions.MaxTokens)] int? MaxTokens = null,
    [property: JsonPropertyName("enable_thinking"), Description(FieldDescriptions.EnableThinking)] bool? EnableThinking = null,
    [property: JsonPropertyName("thinking_budget"), Description(FieldDescriptions.ThinkingBudget)] int? ThinkingBudget = null,
    [property: JsonPropertyName("preserve_thinking"), Description(FieldDescriptions.PreserveThinking)] bool? PreserveThinking = null);

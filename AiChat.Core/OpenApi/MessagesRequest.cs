using System.ComponentModel;
using System.Text.Json.Serialization;

namespace AiChat.Core.OpenApi;

/// <summary>The body of /api/chat/completions and /api/chat/stream, as the document describes it (the Flask-compatible shape).</summary>
internal sealed record MessagesRequest(
    [property: JsonPropertyName("messages"), Description("The conversation; at least one user message, at most MAX_REQUEST_MESSAGES.")] IReadOnlyList<RequestMessage> Messages,
    [property: JsonPropertyName("model"), Description("A model id from GET /api/models; the first model when absent.")] string? Model = null,
    [property: JsonPropertyName("session_id"), Description("Continue this server-side session: its history goes upstream first.")] string? SessionId = null,
    [property: JsonPropertyName("temperature"), Description("0 up to, not including, 2.")] double? Temperature = null,
    [property: JsonPropertyName("top_p"), Description("Above 0, at most 1.")] double? TopP = null,
    [property: JsonPropertyName("max_tokens"), Description("1 to the model's maxTokens.")] int? MaxTokens = null);

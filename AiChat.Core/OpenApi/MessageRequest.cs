using System.ComponentModel;

namespace AiChat.Core.OpenApi;

/// <summary>The body of /api/chat/events, as the document describes it (the typed-events shape).</summary>
internal sealed record MessageRequest(
    [property: JsonPropertyName("message"), Description(FieldDescriptions.Message)] string Message,
    [property: JsonPropertyName("session_id"), Description("The session_id stream_start gave; absent starts a new session.")] string? SessionId = null,
    [property: JsonPropertyName("model"), Description(FieldDescriptions.Model)] string? Model = null,
    [property: JsonPropertyName("temperature"), Description(FieldDescriptions.Temperature)] double? Temperature = null,
    [property: JsonPropertyName("top_p"), Description(FieldDescriptions.TopP)] double? TopP = null,
    [property: JsonPropertyName("max_tokens"), Description(FieldDescriptions.MaxTokens)] int? MaxTokens = null,
    [property: JsonPropertyName("enable_thinking"), Description(FieldDescriptions.EnableThinking)] bool? EnableThinking = null,
    [property: JsonPropertyName("thinking_budget"), Description(FieldDescriptions.ThinkingBudget)] int? ThinkingBudget = null,
    [property: JsonPropertyName("preserve_thinking"), Description(FieldDescriptions.PreserveThinking)] bool? PreserveThinking = null,
    [property: JsonPropertyName("images"), Description("Images for the message, as data URLs (data:image/jpeg|png|webp|gif;base64,...): at most MAX_IMAGES_PER_REQUEST, for a model with image input.")]
    IReadOnlyList<string>? Images = null,
    [property: JsonPropertyName("client_context"), Description("Where the user is and the CRS of the frontend's map (geo assistant).")] ClientContextRequest? ClientContext = null);

using System.ComponentModel;
using System.Text.Json.Serialization;

namespace AiChat.Core.OpenApi;

/// <summary>The body of /api/chat/events, as the document describes it (the typed-events shape).</summary>
internal sealed record MessageRequest(
    [property: JsonPropertyName("message"), Description("The user's message: not empty, not only white space or invisible characters.")] string Message,
    [property: JsonPropertyName("session_id"), Description("The session_id stream_start gave; absent starts a new session.")] string? SessionId = null,
    [property: JsonPropertyName("model"), Description("A model id from GET /api/models; the first model when absent.")] string? Model = null,
    [property: JsonPropertyName("temperature"), Description("0 up to, not including, 2.")] double? Temperature = null,
    [property: JsonPropertyName("top_p"), Description("Above 0, at most 1.")] double? TopP = null,
    [property: JsonPropertyName("max_tokens"), Description("1 to the model's maxTokens.")] int? MaxTokens = null,
    [property: JsonPropertyName("client_context"), Description("Where the user is and the CRS of the frontend's map (geo assistant).")] ClientContextRequest? ClientContext = null);

using System.ComponentModel;

namespace AiChat.Core.OpenApi;

/// <summary>Every error AiChat answers, as application/problem+json (what ApiErrorWriter writes).</summary>
internal sealed record ErrorResponse(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("detail")] string Detail,
    [property: JsonPropertyName("error"), Description("The message, as Flask-compatible frontends read it.")] string Error,
    [property: JsonPropertyName("code"), Description("Stable: invalid_request, invalid_json, model_not_found, session_not_found, rate_limited, upstream_timeout, …")] string Code,
    [property: JsonPropertyName("field"), Description("The request field at fault, e.g. messages[0].role.")] string? Field = null,
    [property: JsonPropertyName("limit"), Description("The setting whose limit refused the request, on a 429 or 503 from the client limits.")] string? Limit = null,
    [property: JsonPropertyName("upstream_request_id"), Description("DashScope's request id, when there is one.")] string? UpstreamRequestId = null,
    [property: JsonPropertyName("traceId"), Description("The server's trace id for this request.")] string? TraceId = null);

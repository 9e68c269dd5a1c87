using System.Text.Encodings.Web;

namespace AiChat.Core.Api;

[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(ModelsResponse))]
[JsonSerializable(typeof(CompletionResponse))]
[JsonSerializable(typeof(SessionResponse))]
internal sealed partial class AiChatJsonContext : JsonSerializerContext
{
    /// <summary>
    /// Writes non-ASCII text (Chinese, mostly) as UTF-8 rather than \uXXXX escapes: half the bytes, and readable.
    /// The output is JSON served as JSON, never embedded in HTML, so the relaxed encoder is safe here.
    /// </summary>
    public static JsonSerializerOptions WriterOptions { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static AiChatJsonContext Relaxed { get; } = new(WriterOptions);
}

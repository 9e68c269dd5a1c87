using System.Buffers;
using System.Text.Json;
using AiChat.Core.Api;

namespace AiChat.Core.Streaming;

/// <summary>Writers for SSE data fields: UTF-8 text as is, like the rest of the API's JSON.</summary>
internal static class SseJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = AiChatJsonContext.WriterOptions.Encoder };

    public static Utf8JsonWriter Create(IBufferWriter<byte> output) => new(output, Options);

    public static void WriteError(Utf8JsonWriter json, ApiError error)
    {
        json.WriteString("error", error.Message);
        json.WriteString("code", error.Code);
        json.WriteNumber("status", error.Status);
    }
}

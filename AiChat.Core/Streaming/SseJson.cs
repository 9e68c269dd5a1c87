using System.Buffers;
using System.Text.Encodings.Web;

namespace AiChat.Core.Streaming;

/// <summary>JSON writing for SSE data fields and the whole JSON answers (<see cref="Api.JsonAnswer{T}"/>): UTF-8 text as is.</summary>
internal static class SseJson
{
    /// <summary>
    /// The options every JSON answer of ours is written with, no indentation: UTF-8 text as is rather than as \uXXXX
    /// escapes (Chinese, mostly), half the bytes and readable. The output is JSON served as JSON, never embedded in
    /// HTML, so the relaxed encoder is safe here.
    /// </summary>
    internal static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // A format writes one event's data and flushes it with no await in between, so one writer per thread serves
    // every stream instead of a new one per event.
    [ThreadStatic]
    private static Utf8JsonWriter? CachedWriter;

    /// <summary>This thread's writer, reset onto <paramref name="output"/>: flush it when the event is written, do not dispose it.</summary>
    public static Utf8JsonWriter Start(IBufferWriter<byte> output)
    {
        var writer = CachedWriter ??= new Utf8JsonWriter(output, Options);
        writer.Reset(output);
        return writer;
    }

    /// <summary>
    /// <c>usage</c> as every surface writes it: the three totals, and <c>completion_tokens_details.reasoning_tokens</c>
    /// when the upstream counted reasoning.
    /// </summary>
    public static void WriteUsage(Utf8JsonWriter json, TokenUsage usage)
    {
        json.WriteStartObject("usage"u8);
        json.WriteNumber("prompt_tokens"u8, usage.PromptTokens);
        json.WriteNumber("completion_tokens"u8, usage.CompletionTokens);
        json.WriteNumber("total_tokens"u8, usage.TotalTokens);
        if (usage.ReasoningTokens is { } reasoning)
        {
            json.WriteStartObject("completion_tokens_details"u8);
            json.WriteNumber("reasoning_tokens"u8, reasoning);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    public static void WriteError(Utf8JsonWriter json, ApiError error)
    {
        json.WriteString("error", error.Message);
        json.WriteString("code", error.Code);
        json.WriteNumber("status", error.Status);
    }
}

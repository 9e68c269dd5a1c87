using System.Buffers;
using System.Net.ServerSentEvents;
using System.Text.Json;
using AiChat.Core.Api;
using AiChat.Core.Chat;

namespace AiChat.Core.Streaming;

/// <summary>
/// The Flask seed's stream: <c>data: {"content": ..., "finish_reason": ...}</c> per delta, then <c>data: [DONE]</c>.
/// A failure after the stream started is one <c>data: {"error": ..., "code": ..., "status": ...}</c> event before [DONE].
/// </summary>
public sealed class SeedStreamFormat : IChatStreamFormat<SeedStreamFrame>
{
    public static readonly SeedStreamFormat Instance = new();

    private static readonly SseItem<SeedStreamFrame> Done = new(SeedStreamFrame.Done);
    private static readonly SseItem<SeedStreamFrame>[] Completed = [Done];
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = AiChatJsonContext.WriterOptions.Encoder };

    // WriteData writes one event and flushes with no await in between, so one writer per thread serves every
    // stream instead of a new one per event.
    [ThreadStatic]
    private static Utf8JsonWriter? cachedWriter;

    public IEnumerable<SseItem<SeedStreamFrame>> OnStarted() => [];

    public SseItem<SeedStreamFrame>? OnDelta(ChatDelta delta) =>
        delta.Content.Length > 0 || delta.FinishReason is not null ? new SseItem<SeedStreamFrame>(new(delta, null)) : null;

    public IEnumerable<SseItem<SeedStreamFrame>> OnFailed(ApiError failure) => [new(new(null, failure)), Done];

    public IEnumerable<SseItem<SeedStreamFrame>> OnCompleted() => Completed;

    public void WriteData(SseItem<SeedStreamFrame> item, IBufferWriter<byte> output)
    {
        var frame = item.Data;
        if (frame.Delta is null && frame.Error is null)
        {
            output.Write("[DONE]"u8);
            return;
        }

        var json = cachedWriter ??= new Utf8JsonWriter(output, WriterOptions);
        json.Reset(output);
        json.WriteStartObject();
        if (frame.Delta is { } delta)
        {
            json.WriteString("content", delta.Content);
            json.WriteString("finish_reason", delta.FinishReason);
        }
        else if (frame.Error is { } error)
        {
            json.WriteString("error", error.Message);
            json.WriteString("code", error.Code);
            json.WriteNumber("status", error.Status);
        }

        json.WriteEndObject();
        json.Flush();
    }
}

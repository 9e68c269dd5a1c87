using System.Buffers;
using System.Net.ServerSentEvents;

namespace AiChat.Core.Streaming;

/// <summary>
/// The stream-chat-service seed's events: the SSE event name is the type, the data the seed's JSON with
/// <c>type</c>, <c>message_id</c> and <c>session_id</c>, plus <c>chunk</c>, <c>model</c>, <c>finish_reason</c> and
/// <c>usage</c>, or <c>error</c>, <c>code</c> and <c>status</c>, as the type calls for.
/// </summary>
internal sealed class TypedEventFormat : IChatStreamFormat<ChatStreamEvent?>
{
    public static readonly TypedEventFormat Instance = new();

    public void Translate(ChatStreamEvent turnEvent, List<SseItem<ChatStreamEvent?>> items) => items.Add(new(turnEvent, turnEvent.Type));

    public void WriteData(SseItem<ChatStreamEvent?> item, IBufferWriter<byte> output)
    {
        var streamEvent = item.Data!;
        var json = SseJson.Start(output);
        json.WriteStartObject();
        json.WriteString("type", streamEvent.Type);
        json.WriteString("message_id", streamEvent.MessageId);
        json.WriteString("session_id", streamEvent.SessionId);
        switch (streamEvent)
        {
            case StreamStartEvent start:
                json.WriteString("model", start.Model);
                break;
            case StreamChunkEvent chunk:
                json.WriteString("chunk", chunk.Chunk);
                break;
            case StreamReasoningEvent reasoning:
                json.WriteString("chunk", reasoning.Chunk);
                break;
            case StreamEndEvent end:
                json.WriteString("finish_reason", end.FinishReason);
                if (end.Usage is { } usage)
                {
                    SseJson.WriteUsage(json, usage);
                }
                else
                {
                    json.WriteNull("usage");
                }

                break;
            case StreamErrorEvent failure:
                SseJson.WriteError(json, failure.Error);
                break;
            case ToolStatusEvent status:
                WriteToolStatus(json, status);
                break;
            case GeoStreamEvent geo:
                WriteFields(json, geo);
                break;
        }

        json.WriteEndObject();
        json.Flush();
    }

    public Task WriteErrorAsync(HttpContext context, ApiError error) => ApiErrorWriter.WriteAsync(context, error);

    private static void WriteToolStatus(Utf8JsonWriter json, ToolStatusEvent status)
    {
        json.WriteString("call_id", status.CallId);
        json.WriteString("tool", status.Tool);
        json.WriteString("status", status.Status);
        if (status.Label is not null)
        {
            json.WriteString("label", status.Label);
        }

        if (status.ResultCount is { } count)
        {
            json.WriteNumber("result_count", count);
        }

        if (status.ErrorCode is not null)
        {
            json.WriteString("error_code", status.ErrorCode);
        }

        if (status.Message is not null)
        {
            json.WriteString("message", status.Message);
        }

        if (status.ElapsedMs is { } elapsed)
        {
            json.WriteNumber("elapsed_ms", elapsed);
        }
    }

    /// <summary>The event's own fields after type and ids; any of those three it carries itself are not written twice.</summary>
    private static void WriteFields(Utf8JsonWriter json, GeoStreamEvent geo)
    {
        if (geo.Event.Fields.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var field in geo.Event.Fields.EnumerateObject())
        {
            if (field.NameEquals("type"u8) || field.NameEquals("message_id"u8) || field.NameEquals("session_id"u8))
            {
                continue;
            }

            field.WriteTo(json);
        }
    }
}

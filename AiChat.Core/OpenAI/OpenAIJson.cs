namespace AiChat.Core.OpenAI;

/// <summary>The OpenAI shapes this surface answers with, written member by member so every null is where OpenAI puts it.</summary>
internal static class OpenAIJson
{
    public static JsonWriterOptions WriterOptions => Streaming.SseJson.Options;

    public static void WriteCompletion(Utf8JsonWriter json, ChatCompletion answer, string model, long created)
    {
        WriteStart(json, "chatcmpl-" + answer.Id, "chat.completion"u8, created, model);
        WriteChoiceStart(json, "message"u8);
        json.WriteString("role"u8, "assistant"u8);
        json.WriteString("content"u8, answer.Content);
        WriteReasoningAndToolCalls(json, answer.ReasoningContent, answer.ToolCalls, WriteToolCall);
        WriteChoiceEnd(json, answer.FinishReason ?? "stop");
        if (answer.Usage is { } usage)
        {
            WriteUsage(json, usage);
        }

        json.WriteEndObject();
    }

    /// <summary>One <c>chat.completion.chunk</c> with one choice.</summary>
    public static void WriteChunk(Utf8JsonWriter json, in StreamHeader header, in ChunkItem item)
    {
        WriteChunkStart(json, header);
        WriteChoiceStart(json, "delta"u8);
        if (item.IsFirst)
        {
            json.WriteString("role"u8, "assistant"u8);
        }

        if (item.Content.Length > 0 || item.IsFirst)
        {
            json.WriteString("content"u8, item.Content);
        }

        WriteReasoningAndToolCalls(json, item.ReasoningContent, item.ToolCalls, WriteToolCallDelta);
        WriteChoiceEnd(json, item.FinishReason);
        if (header.IncludeUsage)
        {
            json.WriteNull("usage"u8);
        }

        json.WriteEndObject();
    }

    /// <summary>The last chunk when <c>stream_options.include_usage</c> asked for it: no choices, the usage.</summary>
    public static void WriteUsageChunk(Utf8JsonWriter json, in StreamHeader header, TokenUsage usage)
    {
        WriteChunkStart(json, header);
        json.WriteStartArray("choices"u8);
        json.WriteEndArray();
        WriteUsage(json, usage);
        json.WriteEndObject();
    }

    private static void WriteChunkStart(Utf8JsonWriter json, in StreamHeader header) =>
        WriteStart(json, header.Id, "chat.completion.chunk"u8, header.Created, header.Model);

    private static void WriteStart(Utf8JsonWriter json, string id, ReadOnlySpan<byte> objectType, long created, string model)
    {
        json.WriteStartObject();
        json.WriteString("id"u8, id);
        json.WriteString("object"u8, objectType);
        json.WriteNumber("created"u8, created);
        json.WriteString("model"u8, model);
    }

    /// <summary>Opens <c>choices</c>, its one choice and the choice's <paramref name="member"/> (the message, or the delta).</summary>
    private static void WriteChoiceStart(Utf8JsonWriter json, ReadOnlySpan<byte> member)
    {
        json.WriteStartArray("choices"u8);
        json.WriteStartObject();
        json.WriteNumber("index"u8, 0);
        json.WriteStartObject(member);
    }

    private static void WriteChoiceEnd(Utf8JsonWriter json, string? finishReason)
    {
        json.WriteEndObject();
        json.WriteNull("logprobs"u8);
        if (finishReason is null)
        {
            json.WriteNull("finish_reason"u8);
        }
        else
        {
            json.WriteString("finish_reason"u8, finishReason);
        }

        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteReasoningAndToolCalls<TCall>(Utf8JsonWriter json, string? reasoning, IReadOnlyList<TCall>? calls, Action<Utf8JsonWriter, TCall> writeCall)
    {
        if (reasoning is not null)
        {
            json.WriteString("reasoning_content"u8, reasoning);
        }

        if (calls is { Count: > 0 })
        {
            json.WriteStartArray("tool_calls"u8);
            foreach (var call in calls)
            {
                writeCall(json, call);
            }

            json.WriteEndArray();
        }
    }

    private static void WriteToolCall(Utf8JsonWriter json, ChatToolCall call)
    {
        json.WriteStartObject();
        json.WriteString("id"u8, call.Id);
        json.WriteString("type"u8, "function"u8);
        json.WriteStartObject("function"u8);
        json.WriteString("name"u8, call.Name);
        json.WriteString("arguments"u8, ToolCallAccumulator.NormalizeArguments(call.Arguments) ?? call.Arguments);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteToolCallDelta(Utf8JsonWriter json, RelayedToolCall call)
    {
        json.WriteStartObject();
        json.WriteNumber("index"u8, call.Index);
        if (call.Id is not null)
        {
            json.WriteString("id"u8, call.Id);
            json.WriteString("type"u8, "function"u8);
        }

        json.WriteStartObject("function"u8);
        if (call.Name is not null)
        {
            json.WriteString("name"u8, call.Name);
        }

        json.WriteString("arguments"u8, call.Arguments);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteUsage(Utf8JsonWriter json, TokenUsage usage) => Streaming.SseJson.WriteUsage(json, usage);
}

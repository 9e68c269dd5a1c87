using System.Text.Json;
using AiChat.Core.Chat;

namespace AiChat.Core.OpenAI;

/// <summary>The OpenAI shapes this surface answers with, written member by member so every null is where OpenAI puts it.</summary>
internal static class OpenAIJson
{
    public static JsonWriterOptions WriterOptions => Streaming.SseJson.Options;

    public static void WriteCompletion(Utf8JsonWriter json, ChatCompletion answer, string model, long created)
    {
        json.WriteStartObject();
        json.WriteString("id"u8, "chatcmpl-" + answer.Id);
        json.WriteString("object"u8, "chat.completion"u8);
        json.WriteNumber("created"u8, created);
        json.WriteString("model"u8, model);
        json.WriteStartArray("choices"u8);
        json.WriteStartObject();
        json.WriteNumber("index"u8, 0);
        json.WriteStartObject("message"u8);
        json.WriteString("role"u8, "assistant"u8);
        json.WriteString("content"u8, answer.Content);
        if (answer.ReasoningContent is not null)
        {
            json.WriteString("reasoning_content"u8, answer.ReasoningContent);
        }

        if (answer.ToolCalls is { Count: > 0 } calls)
        {
            json.WriteStartArray("tool_calls"u8);
            foreach (var call in calls)
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

            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteNull("logprobs"u8);
        WriteFinishReason(json, answer.FinishReason ?? "stop");
        json.WriteEndObject();
        json.WriteEndArray();
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
        json.WriteStartArray("choices"u8);
        json.WriteStartObject();
        json.WriteNumber("index"u8, 0);
        json.WriteStartObject("delta"u8);
        if (item.IsFirst)
        {
            json.WriteString("role"u8, "assistant"u8);
        }

        if (item.Content.Length > 0 || item.IsFirst)
        {
            json.WriteString("content"u8, item.Content);
        }

        if (item.ReasoningContent is not null)
        {
            json.WriteString("reasoning_content"u8, item.ReasoningContent);
        }

        if (item.ToolCalls is { Count: > 0 } calls)
        {
            json.WriteStartArray("tool_calls"u8);
            foreach (var call in calls)
            {
                WriteToolCallDelta(json, call);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteNull("logprobs"u8);
        WriteFinishReason(json, item.FinishReason);
        json.WriteEndObject();
        json.WriteEndArray();
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

    private static void WriteChunkStart(Utf8JsonWriter json, in StreamHeader header)
    {
        json.WriteStartObject();
        json.WriteString("id"u8, header.Id);
        json.WriteString("object"u8, "chat.completion.chunk"u8);
        json.WriteNumber("created"u8, header.Created);
        json.WriteString("model"u8, header.Model);
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

    private static void WriteFinishReason(Utf8JsonWriter json, string? finishReason)
    {
        if (finishReason is null)
        {
            json.WriteNull("finish_reason"u8);
        }
        else
        {
            json.WriteString("finish_reason"u8, finishReason);
        }
    }

    private static void WriteUsage(Utf8JsonWriter json, TokenUsage usage) => Streaming.SseJson.WriteUsage(json, usage);
}

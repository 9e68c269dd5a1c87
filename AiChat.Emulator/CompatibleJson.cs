using System.Text.Json;

namespace AiChat.Emulator;

/// <summary>The OpenAI-compatible protocol's JSON shapes, key order as recorded from the upstream.</summary>
internal static class CompatibleJson
{
    public static void WriteEnvelope(Utf8JsonWriter json, EmulatedError error, string requestId)
    {
        json.WriteStartObject();
        json.WriteStartObject("error"u8);
        json.WriteString("message"u8, error.Message);
        json.WriteString("type"u8, error.Type);
        json.WriteNull("param"u8);
        json.WriteString("code"u8, error.Code);
        json.WriteEndObject();
        json.WriteString("request_id"u8, requestId);
        json.WriteEndObject();
    }

    public static void WriteCompletion(Utf8JsonWriter json, ChatExchange exchange, string id)
    {
        json.WriteStartObject();
        json.WriteStartArray("choices"u8);
        json.WriteStartObject();
        json.WriteStartObject("message"u8);
        json.WriteString("role"u8, "assistant"u8);
        json.WriteString("content"u8, exchange.Reply.Text);
        if (exchange.Reasoning is { } reasoning)
        {
            json.WriteString("reasoning_content"u8, reasoning.Text);
        }

        json.WriteEndObject();
        json.WriteString("finish_reason"u8, "stop"u8);
        json.WriteNumber("index"u8, 0);
        json.WriteNull("logprobs"u8);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteString("object"u8, "chat.completion"u8);
        WriteUsage(json, exchange, withDetails: true);
        WriteIdentity(json, exchange, id);
        json.WriteEndObject();
    }

    public static void WriteRoleChunk(Utf8JsonWriter json, ChatExchange exchange, string id)
    {
        StartChunk(json);
        json.WriteStartObject();
        json.WriteStartObject("delta"u8);
        json.WriteString("content"u8, ""u8);
        json.WriteString("role"u8, "assistant"u8);
        json.WriteEndObject();
        json.WriteNumber("index"u8, 0);
        json.WriteNull("logprobs"u8);
        json.WriteNull("finish_reason"u8);
        json.WriteEndObject();
        EndChunk(json, exchange, id, withUsage: false);
    }

    public static void WriteDeltaChunk(
        Utf8JsonWriter json, ChatExchange exchange, string id, ReadOnlySpan<char> content, bool stop)
    {
        StartChunk(json);
        json.WriteStartObject();
        if (stop)
        {
            json.WriteString("finish_reason"u8, "stop"u8);
        }
        else
        {
            json.WriteNull("finish_reason"u8);
        }

        json.WriteStartObject("delta"u8);
        json.WriteString("content"u8, content);
        json.WriteEndObject();
        json.WriteNumber("index"u8, 0);
        json.WriteNull("logprobs"u8);
        json.WriteEndObject();
        EndChunk(json, exchange, id, withUsage: false);
    }

    /// <summary>A thinking model's reasoning delta: <c>content</c> null, the text in <c>reasoning_content</c>.</summary>
    public static void WriteReasoningChunk(Utf8JsonWriter json, ChatExchange exchange, string id, ReadOnlySpan<char> reasoning)
    {
        StartChunk(json);
        json.WriteStartObject();
        json.WriteNull("finish_reason"u8);
        json.WriteStartObject("delta"u8);
        json.WriteNull("content"u8);
        json.WriteString("reasoning_content"u8, reasoning);
        json.WriteEndObject();
        json.WriteNumber("index"u8, 0);
        json.WriteNull("logprobs"u8);
        json.WriteEndObject();
        EndChunk(json, exchange, id, withUsage: false);
    }

    /// <summary>A chunk of a tool round: reasoning, text or tool_call entries; the first also names the role.</summary>
    public static void WriteToolChunk(Utf8JsonWriter json, ChatExchange exchange, string id, ToolFrame frame, bool withRole)
    {
        StartChunk(json);
        json.WriteStartObject();
        json.WriteStartObject("delta"u8);
        if (frame.Text is not null)
        {
            json.WriteString("content"u8, frame.Text);
        }
        else
        {
            json.WriteNull("content"u8);
        }

        if (frame.Reasoning is not null)
        {
            json.WriteString("reasoning_content"u8, frame.Reasoning);
        }

        WriteEntries(json, frame.Entries);
        if (withRole)
        {
            json.WriteString("role"u8, "assistant"u8);
        }

        json.WriteEndObject();
        json.WriteNull("finish_reason"u8);
        json.WriteNumber("index"u8, 0);
        json.WriteNull("logprobs"u8);
        json.WriteEndObject();
        EndChunk(json, exchange, id, withUsage: false);
    }

    /// <summary>Compatible mode ends a tool round with a chunk of its own: an empty delta and the finish reason.</summary>
    public static void WriteFinishChunk(Utf8JsonWriter json, ChatExchange exchange, string id, string finishReason)
    {
        StartChunk(json);
        json.WriteStartObject();
        json.WriteString("finish_reason"u8, finishReason);
        json.WriteStartObject("delta"u8);
        json.WriteEndObject();
        json.WriteNumber("index"u8, 0);
        json.WriteNull("logprobs"u8);
        json.WriteEndObject();
        EndChunk(json, exchange, id, withUsage: false);
    }

    public static void WriteToolCompletion(Utf8JsonWriter json, ChatExchange exchange, string id, string finishReason)
    {
        json.WriteStartObject();
        json.WriteStartArray("choices"u8);
        json.WriteStartObject();
        json.WriteStartObject("message"u8);
        json.WriteString("content"u8, ""u8);
        json.WriteString("role"u8, "assistant"u8);
        WriteWholeCalls(json, exchange.ToolCalls);
        json.WriteEndObject();
        json.WriteString("finish_reason"u8, finishReason);
        json.WriteNumber("index"u8, 0);
        json.WriteNull("logprobs"u8);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteString("object"u8, "chat.completion"u8);
        WriteUsage(json, exchange, withDetails: false);
        WriteIdentity(json, exchange, id);
        json.WriteEndObject();
    }

    /// <summary>A frame's <c>tool_calls</c>, as both protocols spell its entries; nothing when it has none.</summary>
    public static void WriteEntries(Utf8JsonWriter json, IReadOnlyList<ToolEntry> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        json.WriteStartArray("tool_calls"u8);
        foreach (var entry in entries)
        {
            json.WriteStartObject();
            if (entry.Index is { } index)
            {
                json.WriteNumber("index"u8, index);
            }

            json.WriteString("id"u8, entry.Id);
            json.WriteString("type"u8, "function"u8);
            json.WriteStartObject("function"u8);
            if (!entry.EmptyFunction)
            {
                if (entry.Name is not null)
                {
                    json.WriteString("name"u8, entry.Name);
                }
                else if (entry.NameNull)
                {
                    json.WriteNull("name"u8);
                }

                if (entry.Arguments is not null)
                {
                    json.WriteString("arguments"u8, entry.Arguments);
                }
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>Whole calls, as a non-streamed answer carries them.</summary>
    public static void WriteWholeCalls(Utf8JsonWriter json, IReadOnlyList<PlannedToolCall> calls)
    {
        json.WriteStartArray("tool_calls"u8);
        for (var i = 0; i < calls.Count; i++)
        {
            json.WriteStartObject();
            json.WriteStartObject("function"u8);
            json.WriteString("name"u8, calls[i].Name);
            json.WriteString("arguments"u8, calls[i].Arguments);
            json.WriteEndObject();
            json.WriteNumber("index"u8, i);
            json.WriteString("id"u8, "call_" + Guid.NewGuid().ToString("N")[..22]);
            json.WriteString("type"u8, "function"u8);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    public static void WriteUsageChunk(Utf8JsonWriter json, ChatExchange exchange, string id)
    {
        StartChunk(json);
        EndChunk(json, exchange, id, withUsage: true);
    }

    private static void StartChunk(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteStartArray("choices"u8);
    }

    private static void EndChunk(Utf8JsonWriter json, ChatExchange exchange, string id, bool withUsage)
    {
        json.WriteEndArray();
        json.WriteString("object"u8, "chat.completion.chunk"u8);
        if (withUsage)
        {
            WriteUsage(json, exchange, withDetails: false);
        }
        else
        {
            json.WriteNull("usage"u8);
        }

        WriteIdentity(json, exchange, id);
        json.WriteEndObject();
    }

    /// <summary>Usage; a thinking answer's completion tokens include its reasoning, counted again in completion_tokens_details.</summary>
    private static void WriteUsage(Utf8JsonWriter json, ChatExchange exchange, bool withDetails)
    {
        var reply = exchange.Reply;
        json.WriteStartObject("usage"u8);
        json.WriteNumber("prompt_tokens"u8, reply.PromptTokens);
        json.WriteNumber("completion_tokens"u8, exchange.OutputTokens);
        json.WriteNumber("total_tokens"u8, reply.PromptTokens + exchange.OutputTokens);
        if (withDetails)
        {
            json.WriteStartObject("prompt_tokens_details"u8);
            json.WriteNumber("cached_tokens"u8, 0);
            json.WriteEndObject();
        }

        if (exchange.Reasoning is { } reasoning)
        {
            json.WriteStartObject("completion_tokens_details"u8);
            json.WriteNumber("reasoning_tokens"u8, reasoning.PieceCount);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteIdentity(Utf8JsonWriter json, ChatExchange exchange, string id)
    {
        json.WriteNumber("created"u8, exchange.Created);
        json.WriteNull("system_fingerprint"u8);
        json.WriteString("model"u8, exchange.Call.Model);
        json.WriteString("id"u8, id);
    }
}

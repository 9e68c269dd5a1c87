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
        json.WriteEndObject();
        json.WriteString("finish_reason"u8, "stop"u8);
        json.WriteNumber("index"u8, 0);
        json.WriteNull("logprobs"u8);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteString("object"u8, "chat.completion"u8);
        WriteUsage(json, exchange.Reply, withDetails: true);
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
            WriteUsage(json, exchange.Reply, withDetails: false);
        }
        else
        {
            json.WriteNull("usage"u8);
        }

        WriteIdentity(json, exchange, id);
        json.WriteEndObject();
    }

    private static void WriteUsage(Utf8JsonWriter json, Reply reply, bool withDetails)
    {
        json.WriteStartObject("usage"u8);
        json.WriteNumber("prompt_tokens"u8, reply.PromptTokens);
        json.WriteNumber("completion_tokens"u8, reply.CompletionTokens);
        json.WriteNumber("total_tokens"u8, reply.TotalTokens);
        if (withDetails)
        {
            json.WriteStartObject("prompt_tokens_details"u8);
            json.WriteNumber("cached_tokens"u8, 0);
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

using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace AiChat.Emulator;

/// <summary>The native protocol's SSE frames and JSON shapes, byte for byte as recorded from the upstream.</summary>
internal static class NativeFrames
{
    public static void WriteResultEvent(
        ChatExchange exchange, int id, ReadOnlySpan<char> content, ReadOnlySpan<byte> finishReason, int outputTokens)
    {
        WriteHead(exchange, id, "result"u8, StatusCodes.Status200OK);
        WriteResult(exchange, content, finishReason, outputTokens, streamed: true);
        exchange.Write("\n\n"u8);
    }

    public static void WriteErrorEvent(ChatExchange exchange, int id, EmulatedError error)
    {
        WriteHead(exchange, id, "error"u8, error.NativeStatus);
        WriteError(exchange, error);
        exchange.Write("\n\n"u8);
    }

    public static void WriteError(ChatExchange exchange, EmulatedError error)
    {
        var json = exchange.StartJson();
        json.WriteStartObject();
        json.WriteString("code"u8, error.NativeCode);
        json.WriteString("message"u8, error.NativeMessage);
        json.WriteString("request_id"u8, exchange.RequestId);
        json.WriteEndObject();
        exchange.EndJson();
    }

    /// <summary>Key order differs between streamed events and whole replies, as it does upstream.</summary>
    public static void WriteResult(
        ChatExchange exchange, ReadOnlySpan<char> content, ReadOnlySpan<byte> finishReason, int outputTokens, bool streamed)
    {
        var json = exchange.StartJson();
        json.WriteStartObject();
        json.WriteStartObject("output"u8);
        if (exchange.Call.TextFormat)
        {
            json.WriteString("finish_reason"u8, finishReason);
            json.WriteString("text"u8, content);
        }
        else
        {
            json.WriteStartArray("choices"u8);
            json.WriteStartObject();
            if (!streamed)
            {
                json.WriteString("finish_reason"u8, finishReason);
            }

            WriteMessage(json, content, streamed);
            if (streamed)
            {
                json.WriteString("finish_reason"u8, finishReason);
            }

            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteStartObject("usage"u8);
        json.WriteNumber("total_tokens"u8, exchange.Reply.PromptTokens + outputTokens);
        json.WriteNumber("output_tokens"u8, outputTokens);
        json.WriteNumber("input_tokens"u8, exchange.Reply.PromptTokens);
        json.WriteEndObject();
        json.WriteString("request_id"u8, exchange.RequestId);
        json.WriteEndObject();
        exchange.EndJson();
    }

    private static void WriteMessage(Utf8JsonWriter json, ReadOnlySpan<char> content, bool streamed)
    {
        json.WriteStartObject("message"u8);
        if (streamed)
        {
            json.WriteString("content"u8, content);
            json.WriteString("role"u8, "assistant"u8);
        }
        else
        {
            json.WriteString("role"u8, "assistant"u8);
            json.WriteString("content"u8, content);
        }

        json.WriteEndObject();
    }

    private static void WriteHead(ChatExchange exchange, int id, ReadOnlySpan<byte> eventName, int status)
    {
        exchange.Write("id:"u8);
        exchange.Write(id);
        exchange.Write("\nevent:"u8);
        exchange.Write(eventName);
        exchange.Write("\n:HTTP_STATUS/"u8);
        exchange.Write(status);
        exchange.Write("\ndata:"u8);
    }
}

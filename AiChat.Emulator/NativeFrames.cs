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

    /// <summary>A frame of a tool round; the last carries the finish reason with its fragment (docs/dashscope-streams.md#finish-reason-in-the-last-fragment-frame).</summary>
    public static void WriteToolEvent(ChatExchange exchange, int id, ToolFrame frame, string finishReason)
    {
        WriteHead(exchange, id, "result"u8, StatusCodes.Status200OK);
        var json = exchange.StartJson();
        json.WriteStartObject();
        json.WriteStartObject("output"u8);
        json.WriteStartArray("choices"u8);
        json.WriteStartObject();
        json.WriteStartObject("message"u8);
        WriteToolContent(json, exchange, frame.Text);
        if (frame.Reasoning is not null)
        {
            json.WriteString("reasoning_content"u8, frame.Reasoning);
        }

        CompatibleJson.WriteEntries(json, frame.Entries);
        json.WriteString("role"u8, "assistant"u8);
        json.WriteEndObject();
        json.WriteNumber("index"u8, 0);
        json.WriteString("finish_reason"u8, finishReason);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        WriteUsage(json, exchange, id);
        json.WriteString("request_id"u8, exchange.RequestId);
        json.WriteEndObject();
        exchange.EndJson();
        exchange.Write("\n\n"u8);
    }

    public static void WriteToolResult(ChatExchange exchange, string finishReason)
    {
        var json = exchange.StartJson();
        json.WriteStartObject();
        json.WriteStartObject("output"u8);
        json.WriteStartArray("choices"u8);
        json.WriteStartObject();
        json.WriteString("finish_reason"u8, finishReason);
        json.WriteStartObject("message"u8);
        json.WriteString("role"u8, "assistant"u8);
        CompatibleJson.WriteWholeCalls(json, exchange.ToolCalls);
        WriteToolContent(json, exchange, null);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        WriteUsage(json, exchange, exchange.ToolCalls.Count);
        json.WriteString("request_id"u8, exchange.RequestId);
        json.WriteEndObject();
        exchange.EndJson();
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
        if (exchange.Reply.ImageTokens > 0)
        {
            json.WriteNumber("image_tokens"u8, exchange.Reply.ImageTokens);
            json.WriteStartObject("input_tokens_details"u8);
            json.WriteNumber("image_tokens"u8, exchange.Reply.ImageTokens);
            json.WriteNumber("text_tokens"u8, exchange.Reply.PromptTokens - exchange.Reply.ImageTokens);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteString("request_id"u8, exchange.RequestId);
        json.WriteEndObject();
        exchange.EndJson();
    }

    /// <summary>Content beside tool calls: <c>""</c>, or <c>[]</c> as multimodal models send it (docs/dashscope-streams.md#content-null-empty-or-an-array).</summary>
    private static void WriteToolContent(Utf8JsonWriter json, ChatExchange exchange, string? text)
    {
        if (text is null && exchange.Directives.ToolQuirks.HasFlag(ToolQuirks.ContentArray))
        {
            json.WriteStartArray("content"u8);
            json.WriteEndArray();
        }
        else
        {
            json.WriteString("content"u8, text ?? "");
        }
    }

    /// <summary>Usage as the native protocol sends it: cumulative, so it grows with every frame.</summary>
    private static void WriteUsage(Utf8JsonWriter json, ChatExchange exchange, int outputTokens)
    {
        json.WriteStartObject("usage"u8);
        json.WriteNumber("total_tokens"u8, exchange.Reply.PromptTokens + outputTokens);
        json.WriteNumber("output_tokens"u8, outputTokens);
        json.WriteNumber("input_tokens"u8, exchange.Reply.PromptTokens);
        if (exchange.Reply.ImageTokens > 0)
        {
            json.WriteNumber("image_tokens"u8, exchange.Reply.ImageTokens);
            json.WriteStartObject("input_tokens_details"u8);
            json.WriteNumber("image_tokens"u8, exchange.Reply.ImageTokens);
            json.WriteNumber("text_tokens"u8, exchange.Reply.PromptTokens - exchange.Reply.ImageTokens);
            json.WriteEndObject();
        }

        json.WriteEndObject();
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

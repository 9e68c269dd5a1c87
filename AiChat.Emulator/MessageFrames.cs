using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace AiChat.Emulator;

/// <summary>
/// Native answers of a thinking model or from multimodal-generation: reasoning frames (<c>content: []</c>, or <c>""</c>
/// on text-generation) before the answer, one transition frame carrying both, answer frames (<c>[{"text"}]</c>),
/// <c>finish_reason: "null"</c> until the last, and cumulative usage with reasoning tokens in
/// <c>output_tokens_details</c>. A multimodal stream ends on its last delta unless asked for an empty end frame.
/// </summary>
internal static class MessageFrames
{
    public static async Task WriteStreamAsync(ChatExchange exchange, bool multimodal)
    {
        var reasoning = exchange.Reasoning;
        var reasoningCount = reasoning?.PieceCount ?? 0;
        var textSent = exchange.PiecesToSend;
        var textCount = exchange.Reply.PieceCount;
        var endsOnDelta = multimodal && !exchange.Directives.EmptyLastFrame;
        var id = 0;

        // Every reasoning piece but the last goes alone; the last shares a frame with the first piece of the answer.
        for (var i = 0; i < reasoningCount - 1; i++)
        {
            await exchange.NextFrameAsync();
            WriteEvent(exchange, ++id, multimodal, reasoning!.Piece(i).ToString(), null, "null", i + 1, 0);
        }

        for (var i = 0; i < textSent; i++)
        {
            await exchange.NextFrameAsync();
            var last = i == textCount - 1 && endsOnDelta && exchange.Directives.Fault is not (EmulatorFault.CutStream or EmulatorFault.Moderation);
            var withReasoning = i == 0 && reasoningCount > 0 ? reasoning!.Piece(reasoningCount - 1).ToString() : null;
            WriteEvent(exchange, ++id, multimodal, withReasoning, exchange.Reply.Piece(i).ToString(), last ? "stop" : "null", reasoningCount, i + 1);
            exchange.NoteText();
        }

        if (await exchange.EndedByFaultAsync(exchange => NativeFrames.WriteErrorEvent(exchange, id + 1, EmulatedError.Moderation)))
        {
            return;
        }

        if (!endsOnDelta)
        {
            await exchange.NextFrameAsync();
            WriteEvent(exchange, ++id, multimodal, null, "", "stop", reasoningCount, textCount);
        }
    }

    public static void WriteCompletion(ChatExchange exchange, bool multimodal)
    {
        var json = exchange.StartJson();
        json.WriteStartObject();
        json.WriteStartObject("output"u8);
        json.WriteStartArray("choices"u8);
        json.WriteStartObject();
        json.WriteString("finish_reason"u8, "stop"u8);
        WriteMessage(json, exchange, multimodal, exchange.Reasoning?.Text, exchange.Reply.Text);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        WriteUsage(json, exchange, multimodal, exchange.Reasoning?.PieceCount ?? 0, exchange.Reply.CompletionTokens);
        json.WriteString("request_id"u8, exchange.RequestId);
        json.WriteEndObject();
        exchange.EndJson();
    }

    private static void WriteEvent(
        ChatExchange exchange, int id, bool multimodal, string? reasoning, string? text, string finishReason, int reasoningTokens, int textTokens)
    {
        exchange.Write("id:"u8);
        exchange.Write(id);
        exchange.Write("\nevent:result\n:HTTP_STATUS/"u8);
        exchange.Write(StatusCodes.Status200OK);
        exchange.Write("\ndata:"u8);
        var json = exchange.StartJson();
        json.WriteStartObject();
        json.WriteStartObject("output"u8);
        json.WriteStartArray("choices"u8);
        json.WriteStartObject();
        WriteMessage(json, exchange, multimodal, reasoning, text);
        json.WriteString("finish_reason"u8, finishReason);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        WriteUsage(json, exchange, multimodal, reasoningTokens, textTokens);
        json.WriteString("request_id"u8, exchange.RequestId);
        json.WriteEndObject();
        exchange.EndJson();
        exchange.Write("\n\n"u8);
    }

    /// <summary>
    /// Multimodal: content as parts (<c>[]</c> with no text) and no reasoning_content on answer frames. Text-generation
    /// (or the string variant): content as a string and reasoning_content <c>""</c> on answer frames.
    /// </summary>
    private static void WriteMessage(Utf8JsonWriter json, ChatExchange exchange, bool multimodal, string? reasoning, string? text)
    {
        var parts = multimodal && !exchange.Directives.StringContent;
        json.WriteStartObject("message"u8);
        if (parts)
        {
            json.WriteStartArray("content"u8);
            if (!string.IsNullOrEmpty(text))
            {
                json.WriteStartObject();
                json.WriteString("text"u8, text);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }
        else
        {
            json.WriteString("content"u8, text ?? "");
        }

        if (reasoning is not null)
        {
            json.WriteString("reasoning_content"u8, reasoning);
        }
        else if (!parts && exchange.Reasoning is not null)
        {
            json.WriteString("reasoning_content"u8, ""u8);
        }

        json.WriteString("role"u8, "assistant"u8);
        json.WriteEndObject();
    }

    private static void WriteUsage(Utf8JsonWriter json, ChatExchange exchange, bool multimodal, int reasoningTokens, int textTokens)
    {
        var input = exchange.Reply.PromptTokens;
        var output = reasoningTokens + textTokens;
        json.WriteStartObject("usage"u8);
        if (multimodal)
        {
            json.WriteStartObject("input_tokens_details"u8);
            json.WriteNumber("text_tokens"u8, input);
            json.WriteEndObject();
            json.WriteStartObject("prompt_tokens_details"u8);
            json.WriteEndObject();
        }

        json.WriteNumber("total_tokens"u8, input + output);
        json.WriteNumber("output_tokens"u8, output);
        json.WriteNumber("input_tokens"u8, input);
        if (exchange.Reasoning is not null || multimodal)
        {
            json.WriteStartObject("output_tokens_details"u8);
            json.WriteNumber("reasoning_tokens"u8, reasoningTokens);
            json.WriteNumber("text_tokens"u8, textTokens);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }
}

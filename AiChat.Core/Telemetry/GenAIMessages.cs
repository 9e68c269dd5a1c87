namespace AiChat.Core.Telemetry;

/// <summary>
/// <c>gen_ai.input.messages</c> and <c>gen_ai.output.messages</c> in the conventions' JSON shape (role, parts),
/// written only when OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=true.
/// </summary>
internal static class GenAIMessages
{
    public static string Input(IReadOnlyList<ChatMessage> messages) => Write(writer =>
    {
        foreach (var message in messages)
        {
            writer.WriteStartObject();
            writer.WriteString("role", message.Role);
            writer.WriteStartArray("parts");
            if (message.Role == "tool")
            {
                writer.WriteStartObject();
                writer.WriteString("type", "tool_call_response");
                writer.WriteString("id", message.ToolCallId);
                writer.WriteString("response", message.Content);
                writer.WriteEndObject();
            }
            else
            {
                WriteText(writer, message.Content);
                WriteToolCalls(writer, message.ToolCalls);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }
    });

    public static string Output(string text, IReadOnlyList<ChatToolCall>? toolCalls, string? finishReason) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("role", "assistant");
        writer.WriteStartArray("parts");
        WriteText(writer, text);
        WriteToolCalls(writer, toolCalls);
        writer.WriteEndArray();
        if (finishReason is not null)
        {
            writer.WriteString("finish_reason", finishReason);
        }

        writer.WriteEndObject();
    });

    private static void WriteText(Utf8JsonWriter writer, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("type", "text");
        writer.WriteString("content", text);
        writer.WriteEndObject();
    }

    private static void WriteToolCalls(Utf8JsonWriter writer, IReadOnlyList<ChatToolCall>? toolCalls)
    {
        foreach (var call in toolCalls ?? [])
        {
            writer.WriteStartObject();
            writer.WriteString("type", "tool_call");
            writer.WriteString("id", call.Id);
            writer.WriteString("name", call.Name);
            writer.WriteString("arguments", call.Arguments);
            writer.WriteEndObject();
        }
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartArray();
            body(writer);
            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}

namespace AiChat.Core.DashScope.Responses;

/// <summary>A choice's <c>message</c> or <c>delta</c>, both protocols: its text, reasoning and tool-call entries.</summary>
internal readonly record struct ResponseMessage(string? Content, string? ReasoningContent, List<ToolCallFragment>? ToolCalls)
{
    /// <summary>The text, <c>""</c> when the content was null.</summary>
    public string Text => Content ?? "";

    /// <summary>Reasoning text, where DashScope's "none" may be null or (native answer frames) an empty string.</summary>
    public string? Reasoning => ReasoningContent is { Length: > 0 } reasoning ? reasoning : null;

    /// <summary>A delta's <c>tool_calls</c> as fragments; null when it had none.</summary>
    public IReadOnlyList<ToolCallFragment>? Fragments => ToolCalls is { Count: > 0 } ? ToolCalls : null;

    /// <summary>A whole answer's <c>tool_calls</c>, arguments as sent; entries without a name are no calls; null when none is left.</summary>
    public IReadOnlyList<ChatToolCall>? Calls()
    {
        if (ToolCalls is null)
        {
            return null;
        }

        List<ChatToolCall>? calls = null;
        foreach (var call in ToolCalls)
        {
            if (call.Name is { Length: > 0 } name)
            {
                calls ??= new List<ChatToolCall>(ToolCalls.Count);
                calls.Add(new ChatToolCall(string.IsNullOrEmpty(call.Id) ? ToolCallAccumulator.NewCallId() : call.Id, name, call.Arguments ?? ""));
            }
        }

        return calls;
    }

    /// <summary>Reads the member's value; null reads as a message with nothing in it.</summary>
    public static ResponseMessage Read(ref Utf8JsonReader reader, string name)
    {
        if (!reader.ReadObjectStart(name))
        {
            return default;
        }

        string? content = null, reasoning = null;
        List<ToolCallFragment>? toolCalls = null;
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("content"u8))
            {
                content = ReadContent(ref reader);
            }
            else if (reader.ValueTextEquals("reasoning_content"u8))
            {
                reasoning = reader.ReadString("reasoning_content");
            }
            else if (reader.ValueTextEquals("tool_calls"u8))
            {
                toolCalls = ReadToolCalls(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return new ResponseMessage(content, reasoning, toolCalls);
    }

    /// <summary>
    /// A string, null, or an array of parts whose <c>text</c> members are joined (multimodal models send <c>[]</c>
    /// beside tool calls, docs/dashscope-streams.md#content-null-empty-or-an-array); other parts are skipped.
    /// </summary>
    private static string? ReadContent(ref Utf8JsonReader reader)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return reader.GetText("content");
            case JsonTokenType.StartArray:
                string? text = null;
                StringBuilder? joined = null;
                while (reader.NextElement())
                {
                    if (ReadPartText(ref reader) is not { } part)
                    {
                        continue;
                    }

                    if (text is null)
                    {
                        text = part;
                    }
                    else
                    {
                        (joined ??= new StringBuilder(text)).Append(part);
                    }
                }

                return joined?.ToString() ?? text ?? "";
            case var token:
                throw new JsonException($"DashScope's answer has content as {token} where a string, an array or null belongs.");
        }
    }

    /// <summary>A part's <c>text</c> when it is a string (the last one, if repeated); null for any other part.</summary>
    private static string? ReadPartText(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        string? text = null;
        while (reader.NextProperty())
        {
            if (!reader.ValueTextEquals("text"u8))
            {
                reader.Skip();
                continue;
            }

            reader.Read();
            text = reader.TokenType == JsonTokenType.String ? reader.GetText("content") : null;
            reader.Skip();
        }

        return text;
    }

    /// <summary>The entries in the order sent; a null entry is skipped.</summary>
    private static List<ToolCallFragment>? ReadToolCalls(ref Utf8JsonReader reader)
    {
        if (!reader.ReadArrayStart("tool_calls"))
        {
            return null;
        }

        var calls = new List<ToolCallFragment>();
        while (reader.NextElement())
        {
            if (reader.IsStart(JsonTokenType.StartObject, "a tool_calls entry"))
            {
                calls.Add(ReadToolCall(ref reader));
            }
        }

        return calls;
    }

    /// <summary>One entry, any member of which may be absent in a stream's fragment; <c>type</c> is only checked.</summary>
    private static ToolCallFragment ReadToolCall(ref Utf8JsonReader reader)
    {
        int? index = null;
        string? id = null, name = null, arguments = null;
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("index"u8))
            {
                index = reader.ReadOptionalInt("a tool call's index");
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                id = reader.ReadString("a tool call's id");
            }
            else if (reader.ValueTextEquals("type"u8))
            {
                _ = reader.ReadString("a tool call's type", keep: false);
            }
            else if (reader.ValueTextEquals("function"u8))
            {
                (name, arguments) = ReadFunction(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return new ToolCallFragment(index, id, name, arguments);
    }

    private static (string? Name, string? Arguments) ReadFunction(ref Utf8JsonReader reader)
    {
        string? name = null, arguments = null;
        if (!reader.ReadObjectStart("a tool call's function"))
        {
            return (name, arguments);
        }

        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("name"u8))
            {
                name = reader.ReadString("a tool call's name");
            }
            else if (reader.ValueTextEquals("arguments"u8))
            {
                arguments = reader.ReadString("a tool call's arguments");
            }
            else
            {
                reader.Skip();
            }
        }

        return (name, arguments);
    }
}

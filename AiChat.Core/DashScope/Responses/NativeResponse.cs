namespace AiChat.Core.DashScope.Responses;

/// <summary>
/// A native answer or stream event, read straight from its bytes with <see cref="ResponseJson"/>'s rules; a flat
/// error carries <see cref="Code"/> and <see cref="Message"/> instead of <see cref="Output"/>.
/// </summary>
internal readonly record struct NativeResponse(NativeResponse.Result? Output, TokenUsage? Usage, string? RequestId, string? Code, string? Message)
{
    /// <summary>Reads a whole body; null when it is JSON null.</summary>
    /// <param name="withRequestId">Whether <c>request_id</c> is kept; every stream event has one, but only an error uses it.</param>
    public static NativeResponse? Read(ReadOnlySpan<byte> json, bool withRequestId)
    {
        var reader = new Utf8JsonReader(json);
        NativeResponse? response = reader.ReadRoot() ? ReadObject(ref reader, withRequestId) : null;
        reader.ReadEnd();
        return response;
    }

    private static NativeResponse ReadObject(ref Utf8JsonReader reader, bool withRequestId)
    {
        Result? output = null;
        TokenUsage? usage = null;
        string? requestId = null, code = null, message = null;
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("output"u8))
            {
                output = ReadOutput(ref reader);
            }
            else if (reader.ValueTextEquals("usage"u8))
            {
                usage = ReadUsage(ref reader);
            }
            else if (reader.ValueTextEquals("request_id"u8))
            {
                requestId = reader.ReadString("request_id", keep: withRequestId);
            }
            else if (reader.ValueTextEquals("code"u8))
            {
                code = reader.ReadString("code");
            }
            else if (reader.ValueTextEquals("message"u8))
            {
                message = reader.ReadString("message");
            }
            else
            {
                reader.Skip();
            }
        }

        return new NativeResponse(output, usage, requestId, code, message);
    }

    /// <summary><c>result_format: message</c> fills <c>choices</c>; <c>result_format: text</c> fills <c>text</c> and <c>finish_reason</c>.</summary>
    private static Result? ReadOutput(ref Utf8JsonReader reader)
    {
        if (!reader.ReadObjectStart("output"))
        {
            return null;
        }

        Result? choice = null;
        string? text = null, finishReason = null;
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("choices"u8))
            {
                choice = ReadChoices(ref reader);
            }
            else if (reader.ValueTextEquals("text"u8))
            {
                text = reader.ReadString("output.text");
            }
            else if (reader.ValueTextEquals("finish_reason"u8))
            {
                finishReason = reader.ReadFinishReason();
            }
            else
            {
                reader.Skip();
            }
        }

        return choice ?? new Result(text ?? "", finishReason, default);
    }

    /// <summary>The first choice; null when there is none. A null entry counts as a choice with nothing in it.</summary>
    private static Result? ReadChoices(ref Utf8JsonReader reader)
    {
        if (!reader.ReadArrayStart("output.choices"))
        {
            return null;
        }

        Result? first = null;
        while (reader.NextElement())
        {
            var choice = reader.IsStart(JsonTokenType.StartObject, "a choice") ? ReadChoice(ref reader) : Result.Empty;
            first ??= choice;
        }

        return first;
    }

    private static Result ReadChoice(ref Utf8JsonReader reader)
    {
        ResponseMessage message = default;
        string? finishReason = null;
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("message"u8))
            {
                message = ResponseMessage.Read(ref reader, "a choice's message");
            }
            else if (reader.ValueTextEquals("finish_reason"u8))
            {
                finishReason = reader.ReadFinishReason();
            }
            else
            {
                reader.Skip();
            }
        }

        return new Result(message.Text, finishReason, message);
    }

    private static TokenUsage? ReadUsage(ref Utf8JsonReader reader)
    {
        if (!reader.ReadObjectStart("usage"))
        {
            return null;
        }

        int input = 0, output = 0, total = 0;
        int? reasoning = null, image = null;
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("input_tokens"u8))
            {
                input = reader.ReadInt("usage.input_tokens");
            }
            else if (reader.ValueTextEquals("output_tokens"u8))
            {
                output = reader.ReadInt("usage.output_tokens");
            }
            else if (reader.ValueTextEquals("total_tokens"u8))
            {
                total = reader.ReadInt("usage.total_tokens");
            }
            else if (reader.ValueTextEquals("output_tokens_details"u8))
            {
                reasoning = reader.ReadReasoningTokens("usage.output_tokens_details");
            }
            else if (reader.ValueTextEquals("image_tokens"u8))
            {
                // Multimodal answers count image tokens at the top level (and again under input_tokens_details).
                image = reader.ReadOptionalInt("usage.image_tokens");
            }
            else
            {
                reader.Skip();
            }
        }

        return new TokenUsage(input, output, total) { ReasoningTokens = reasoning, ImageTokens = image };
    }

    /// <summary>
    /// What the output says: the first choice's text, finish reason (as sent: "null" spelled as a string) and message,
    /// or in the text format <c>text</c> and <c>finish_reason</c> with no message.
    /// </summary>
    internal readonly record struct Result(string Content, string? FinishReason, ResponseMessage Message)
    {
        /// <summary>No text, no finish reason, no message: a null choice, or an answer without output.</summary>
        public static readonly Result Empty = new("", null, default);
    }
}

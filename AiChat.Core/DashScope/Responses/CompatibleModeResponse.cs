namespace AiChat.Core.DashScope.Responses;

/// <summary>
/// A compatible-mode <c>chat.completion</c>, <c>chat.completion.chunk</c> or error frame, read straight from its bytes
/// with <see cref="ResponseJson"/>'s rules: the members AiChat uses, of the choices only the first.
/// </summary>
internal readonly record struct CompatibleModeResponse(
    string? Id, string? Model, string? RequestId, CompatibleModeResponse.FirstChoice? Choice, TokenUsage? Usage, ResponseError? Error)
{
    /// <summary>Reads a whole body; null when it is JSON null.</summary>
    /// <param name="withIds">Whether <c>id</c> and <c>model</c> are kept; a stream chunk has both but uses neither, so they are only checked.</param>
    public static CompatibleModeResponse? Read(ReadOnlySpan<byte> json, bool withIds)
    {
        var reader = new Utf8JsonReader(json);
        CompatibleModeResponse? response = reader.ReadRoot() ? ReadObject(ref reader, withIds) : null;
        reader.ReadEnd();
        return response;
    }

    private static CompatibleModeResponse ReadObject(ref Utf8JsonReader reader, bool withIds)
    {
        string? id = null, model = null, requestId = null;
        FirstChoice? choice = null;
        TokenUsage? usage = null;
        ResponseError? error = null;
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("id"u8))
            {
                id = reader.ReadString("id", keep: withIds);
            }
            else if (reader.ValueTextEquals("model"u8))
            {
                model = reader.ReadString("model", keep: withIds);
            }
            else if (reader.ValueTextEquals("request_id"u8))
            {
                requestId = reader.ReadString("request_id");
            }
            else if (reader.ValueTextEquals("choices"u8))
            {
                choice = ReadChoices(ref reader);
            }
            else if (reader.ValueTextEquals("usage"u8))
            {
                usage = ReadUsage(ref reader);
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                error = ResponseError.Read(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return new CompatibleModeResponse(id, model, requestId, choice, usage, error);
    }

    /// <summary>The first choice; null when there is none. A null entry counts as a choice with nothing in it.</summary>
    private static FirstChoice? ReadChoices(ref Utf8JsonReader reader)
    {
        if (!reader.ReadArrayStart("choices"))
        {
            return null;
        }

        FirstChoice? first = null;
        while (reader.NextElement())
        {
            var choice = reader.IsStart(JsonTokenType.StartObject, "a choice") ? ReadChoice(ref reader) : default;
            first ??= choice;
        }

        return first;
    }

    private static FirstChoice ReadChoice(ref Utf8JsonReader reader)
    {
        ResponseMessage message = default, delta = default;
        string? finishReason = null;
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("message"u8))
            {
                message = ResponseMessage.Read(ref reader, "a choice's message");
            }
            else if (reader.ValueTextEquals("delta"u8))
            {
                delta = ResponseMessage.Read(ref reader, "a choice's delta");
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

        return new FirstChoice(message, delta, finishReason);
    }

    private static TokenUsage? ReadUsage(ref Utf8JsonReader reader)
    {
        if (!reader.ReadObjectStart("usage"))
        {
            return null;
        }

        int prompt = 0, completion = 0, total = 0;
        int? reasoning = null;
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("prompt_tokens"u8))
            {
                prompt = reader.ReadInt("usage.prompt_tokens");
            }
            else if (reader.ValueTextEquals("completion_tokens"u8))
            {
                completion = reader.ReadInt("usage.completion_tokens");
            }
            else if (reader.ValueTextEquals("total_tokens"u8))
            {
                total = reader.ReadInt("usage.total_tokens");
            }
            else if (reader.ValueTextEquals("completion_tokens_details"u8))
            {
                reasoning = reader.ReadReasoningTokens("usage.completion_tokens_details");
            }
            else
            {
                reader.Skip();
            }
        }

        return new TokenUsage(prompt, completion, total) { ReasoningTokens = reasoning };
    }

    /// <summary>The first choice: a whole answer has a <c>message</c>, a chunk a <c>delta</c>.</summary>
    internal readonly record struct FirstChoice(ResponseMessage Message, ResponseMessage Delta, string? FinishReason);
}

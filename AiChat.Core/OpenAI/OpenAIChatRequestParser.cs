using System.Diagnostics.CodeAnalysis;
using AiChat.Core.Images;

namespace AiChat.Core.OpenAI;

/// <summary>
/// Validates an OpenAI chat completions request member by member, so that a bad one is refused with the member's
/// name (OpenAI's <c>param</c>) before anything goes upstream. Unknown members are ignored, as OpenAI-compatible
/// servers do; members DashScope has no use for (<c>user</c>, <c>n</c> of 1) are accepted and dropped. The rules it
/// shares with the Flask-compatible format are <see cref="ChatFieldRules"/>, and its own have their shape.
/// </summary>
internal static class OpenAIChatRequestParser
{
    /// <param name="imageOptions">The image settings; the defaults when null.</param>
    public static OpenAIChatReadResult Parse(JsonElement body, AiChatOptions options, ImageOptions? imageOptions = null)
    {
        if (!ChatFieldRules.IsObject(body, out var error) || !ImageBodyRules.IsTextWithinCap(body, options, out error) || !TryReadModel(body, options, out var model, out error))
        {
            return new OpenAIChatReadResult(error);
        }

        var images = new ImagePartReader(imageOptions ?? new ImageOptions(), model);
        if (!TryReadMessages(body, options.MaxRequestMessages, images, out var messages, out error)
            || !IsOneChoice(body, out error)
            || !TryReadTools(body, model, out var tools, out error)
            || !TryReadToolChoice(body, tools, out var toolChoice, out var forcedTool, out error)
            || !TryReadBool(body, "stream", out var stream, out error)
            || !TryReadIncludeUsage(body, out var includeUsage, out error)
            || !IsUserString(body, out error)
            || !ChatFieldRules.TryReadTemperature(body, out var temperature, out error)
            || !ChatFieldRules.TryReadTopP(body, out var topP, out error)
            || !TryReadMaxTokens(body, model, out var maxTokens, out error)
            || !TryReadStop(body, out var stop, out error)
            || !TryReadSeed(body, out var seed, out error)
            || !TryReadReasoningEffort(body, out var effortThinking, out error)
            || !TryReadJsonMode(body, out var jsonMode, out error)
            || !ChatFieldRules.TryReadThinking(body, model, stream ?? false, "stream", jsonMode, effortThinking, out var thinking, out error)
            || !TryReadParallelToolCalls(body, tools, out var parallelToolCalls, out error))
        {
            return new OpenAIChatReadResult(error);
        }

        var request = new ChatRequest(model.Id, messages)
        {
            Temperature = temperature,
            TopP = topP,
            MaxTokens = maxTokens,
            Stop = stop,
            Seed = seed,
            EnableThinking = thinking.EnableThinking,
            ThinkingBudget = thinking.ThinkingBudget,
            PreserveThinking = thinking.PreserveThinking,
            JsonMode = jsonMode,
            Tools = tools,
            ToolChoice = toolChoice,
            ForcedToolName = forcedTool,
            ParallelToolCalls = parallelToolCalls,
        };
        var streamed = stream ?? false;
        return new OpenAIChatReadResult(request, streamed, streamed && includeUsage) { Images = images.Parts };
    }

    private const string ModelsRoute = "GET /v1/models";

    private static bool TryReadModel(JsonElement body, AiChatOptions options, [NotNullWhen(true)] out ModelInfo? model, [NotNullWhen(false)] out ApiError? error)
    {
        if (ChatFieldRules.Member(body, "model") is { ValueKind: JsonValueKind.String } value)
        {
            return ChatFieldRules.TryFindModel(value.GetString()!, options, ModelsRoute, out model, out error);
        }

        model = null;
        return ChatFieldRules.Refuse("model", $"model is required: the id of one of the models {ModelsRoute} lists.", out error);
    }

    private const string Roles = "system, developer, user, assistant, tool";

    private static bool TryReadMessages(JsonElement body, int maxMessages, ImagePartReader images, [NotNullWhen(true)] out List<ChatMessage>? messages, [NotNullWhen(false)] out ApiError? error)
    {
        messages = null;
        if (ChatFieldRules.Member(body, "messages") is not { ValueKind: JsonValueKind.Array } array || array.GetArrayLength() == 0)
        {
            return ChatFieldRules.Refuse("messages", "messages is required: a non-empty array of {\"role\", \"content\"} objects.", out error);
        }

        return ChatFieldRules.TryReadConversation(array, maxMessages, Roles,
            (JsonElement message, int index, string field, string role, [NotNullWhen(true)] out ChatMessage? read, [NotNullWhen(false)] out ApiError? error) =>
                TryReadMessage(message, index, field, role, images, out read, out error),
            out messages, out error);
    }

    /// <summary>The rest of one message of the conversation: its content (a user's may hold images), and what its role carries besides.</summary>
    private static bool TryReadMessage(JsonElement message, int index, string field, string role, ImagePartReader images,
        [NotNullWhen(true)] out ChatMessage? read, [NotNullWhen(false)] out ApiError? error)
    {
        read = null;
        error = null;
        switch (role)
        {
            case "assistant":
                if (!TryReadToolCalls(message, field, out var calls, out error) || !TryReadContent(message, field, optional: calls is not null, out var text, out error))
                {
                    return false;
                }

                read = new ChatMessage("assistant", text) { ToolCalls = calls };
                return true;
            case "tool":
                if (ChatFieldRules.Member(message, "tool_call_id") is not { ValueKind: JsonValueKind.String } id || id.GetString() is not { Length: > 0 } callId)
                {
                    return ChatFieldRules.Refuse($"{field}.tool_call_id", $"{field}.tool_call_id is required on a tool message: the id of the call it answers.", out error);
                }

                if (!TryReadContent(message, field, optional: false, out var answer, out error))
                {
                    return false;
                }

                read = new ChatMessage("tool", answer) { ToolCallId = callId };
                return true;
            case "user":
                return images.TryReadMessage(message, index, field, role, out read, out error);
            default:
                if (!TryReadContent(message, field, optional: false, out var content, out error))
                {
                    return false;
                }

                read = new ChatMessage(role, content);
                return true;
        }
    }

    /// <summary>A string, or an array of text parts joined; empty when there is none and <paramref name="optional"/> allows that.</summary>
    private static bool TryReadContent(JsonElement message, string field, bool optional, [NotNullWhen(true)] out string? content, [NotNullWhen(false)] out ApiError? error)
    {
        content = null;
        error = null;
        switch (ChatFieldRules.Member(message, "content"))
        {
            case { ValueKind: JsonValueKind.String } text:
                content = text.GetString()!;
                return true;
            case { ValueKind: JsonValueKind.Array } parts:
                return TryJoinTextParts(parts, field, out content, out error);
            case null when optional:
                content = "";
                return true;
            default:
                return ChatFieldRules.Refuse($"{field}.content", $"{field}.content must be a string or an array of text parts.", out error);
        }
    }

    private static bool TryJoinTextParts(JsonElement parts, string field, [NotNullWhen(true)] out string? content, [NotNullWhen(false)] out ApiError? error)
    {
        content = null;
        var text = new StringBuilder();
        var index = 0;
        foreach (var part in parts.EnumerateArray())
        {
            if (part.ValueKind != JsonValueKind.Object || ChatFieldRules.Member(part, "type") is not { ValueKind: JsonValueKind.String } type || !type.ValueEquals("text"u8)
                || ChatFieldRules.Member(part, "text") is not { ValueKind: JsonValueKind.String } partText)
            {
                return ChatFieldRules.Refuse($"{field}.content[{index}]",
                    $"{field}.content[{index}] must be a text part, {{\"type\": \"text\", \"text\": \"...\"}}: only text is supported.", out error);
            }

            text.Append(partText.GetString());
            index++;
        }

        content = text.ToString();
        error = null;
        return true;
    }

    private static bool TryReadToolCalls(JsonElement message, string field, out List<ChatToolCall>? calls, [NotNullWhen(false)] out ApiError? error)
    {
        calls = null;
        error = null;
        switch (ChatFieldRules.Member(message, "tool_calls"))
        {
            case null:
                return true;
            case { ValueKind: JsonValueKind.Array } array:
                var read = new List<ChatToolCall>();
                foreach (var call in array.EnumerateArray())
                {
                    var callField = $"{field}.tool_calls[{read.Count}]";
                    if (call.ValueKind != JsonValueKind.Object
                        || ChatFieldRules.Member(call, "id") is not { ValueKind: JsonValueKind.String } id
                        || ChatFieldRules.Member(call, "function") is not { ValueKind: JsonValueKind.Object } function
                        || ChatFieldRules.Member(function, "name") is not { ValueKind: JsonValueKind.String } name
                        || ChatFieldRules.Member(function, "arguments") is not { ValueKind: JsonValueKind.String } arguments)
                    {
                        return ChatFieldRules.Refuse(callField,
                            $"{callField} must be {{\"id\", \"type\": \"function\", \"function\": {{\"name\", \"arguments\": \"<JSON text>\"}}}}.", out error);
                    }

                    read.Add(new ChatToolCall(id.GetString()!, name.GetString()!, arguments.GetString()!));
                }

                calls = read.Count == 0 ? null : read;
                return true;
            default:
                return ChatFieldRules.Refuse($"{field}.tool_calls", $"{field}.tool_calls must be an array.", out error);
        }
    }

    private static bool TryReadTools(JsonElement body, ModelInfo model, out List<ChatTool>? tools, [NotNullWhen(false)] out ApiError? error)
    {
        tools = null;
        error = null;
        if (ChatFieldRules.Member(body, "tools") is not { } array)
        {
            return true;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            return ChatFieldRules.Refuse("tools", "tools must be an array of {\"type\": \"function\", \"function\": {...}} objects.", out error);
        }

        if (array.GetArrayLength() == 0)
        {
            return true;
        }

        if (!model.SupportsTools)
        {
            return ChatFieldRules.Refuse("tools", $"{model.Id} does not take tools.", out error);
        }

        var read = new List<ChatTool>();
        foreach (var tool in array.EnumerateArray())
        {
            if (!TryReadTool(tool, $"tools[{read.Count}]", out var one, out error))
            {
                return false;
            }

            read.Add(one);
        }

        tools = read;
        return true;
    }

    private static readonly JsonElement EmptySchema = JsonElement.Parse("""{"type":"object","properties":{}}""");

    private static bool TryReadTool(JsonElement tool, string field, [NotNullWhen(true)] out ChatTool? read, [NotNullWhen(false)] out ApiError? error)
    {
        read = null;
        if (tool.ValueKind != JsonValueKind.Object || ChatFieldRules.Member(tool, "type") is not { ValueKind: JsonValueKind.String } type || !type.ValueEquals("function"u8)
            || ChatFieldRules.Member(tool, "function") is not { ValueKind: JsonValueKind.Object } function)
        {
            return ChatFieldRules.Refuse(field, $"{field} must be {{\"type\": \"function\", \"function\": {{\"name\", \"description\", \"parameters\"}}}}.", out error);
        }

        if (ChatFieldRules.Member(function, "name") is not { ValueKind: JsonValueKind.String } name || !IsFunctionName(name.GetString()!))
        {
            return ChatFieldRules.Refuse($"{field}.function.name", $"{field}.function.name must be 1 to 64 letters, digits, underscores or dashes.", out error);
        }

        var description = "";
        if (ChatFieldRules.Member(function, "description") is { } text)
        {
            if (text.ValueKind != JsonValueKind.String)
            {
                return ChatFieldRules.Refuse($"{field}.function.description", $"{field}.function.description must be a string.", out error);
            }

            description = text.GetString()!;
        }

        var parameters = EmptySchema;
        if (ChatFieldRules.Member(function, "parameters") is { } schema)
        {
            if (schema.ValueKind != JsonValueKind.Object)
            {
                return ChatFieldRules.Refuse($"{field}.function.parameters", $"{field}.function.parameters must be a JSON schema object.", out error);
            }

            parameters = schema.Clone();
        }

        read = new ChatTool(name.GetString()!, description, parameters);
        error = null;
        return true;
    }

    private static bool IsFunctionName(string name) =>
        name.Length is >= 1 and <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    /// <param name="mode"><c>none</c>, <c>auto</c> or <c>required</c>, passed on only with tools.</param>
    /// <param name="forced">The one function the model must call.</param>
    private static bool TryReadToolChoice(JsonElement body, List<ChatTool>? tools, out string? mode, out string? forced, [NotNullWhen(false)] out ApiError? error)
    {
        mode = null;
        forced = null;
        error = null;
        if (ChatFieldRules.Member(body, "tool_choice") is not { } choice)
        {
            return true;
        }

        if (choice.ValueKind == JsonValueKind.String && choice.GetString() is "none" or "auto" or "required")
        {
            mode = tools is null ? null : choice.GetString();
            return true;
        }

        if (choice.ValueKind == JsonValueKind.Object && ChatFieldRules.Member(choice, "function") is { ValueKind: JsonValueKind.Object } function
            && ChatFieldRules.Member(function, "name") is { ValueKind: JsonValueKind.String } name)
        {
            var named = name.GetString();
            if (tools?.Exists(t => t.Name == named) != true)
            {
                return ChatFieldRules.Refuse("tool_choice", $"tool_choice names '{named}', which is not among tools.", out error);
            }

            forced = named;
            return true;
        }

        return ChatFieldRules.Refuse("tool_choice", "tool_choice must be \"none\", \"auto\", \"required\" or {\"type\": \"function\", \"function\": {\"name\": \"...\"}}.", out error);
    }

    private static bool IsOneChoice(JsonElement body, [NotNullWhen(false)] out ApiError? error)
    {
        error = null;
        return ChatFieldRules.Member(body, "n") is not { } n || (n.ValueKind == JsonValueKind.Number && n.TryGetInt32(out var count) && count == 1)
               || ChatFieldRules.Refuse("n", "n must be 1: this server returns one choice per request.", out error);
    }

    /// <summary><c>stream_options.include_usage</c>: end the stream with a usage chunk.</summary>
    private static bool TryReadIncludeUsage(JsonElement body, out bool includeUsage, [NotNullWhen(false)] out ApiError? error)
    {
        includeUsage = false;
        error = null;
        switch (ChatFieldRules.Member(body, "stream_options"))
        {
            case null:
                return true;
            case { ValueKind: JsonValueKind.Object } streamOptions:
                var read = TryReadBool(streamOptions, "include_usage", out var value, out error, "stream_options.include_usage");
                includeUsage = value ?? false;
                return read;
            default:
                return ChatFieldRules.Refuse("stream_options", "stream_options must be an object such as {\"include_usage\": true}.", out error);
        }
    }

    private static bool IsUserString(JsonElement body, [NotNullWhen(false)] out ApiError? error)
    {
        error = null;
        return ChatFieldRules.Member(body, "user") is not { ValueKind: not JsonValueKind.String }
               || ChatFieldRules.Refuse("user", "user must be a string.", out error);
    }

    /// <summary><c>max_completion_tokens</c>, OpenAI's newer name, or else <c>max_tokens</c>.</summary>
    private static bool TryReadMaxTokens(JsonElement body, ModelInfo model, out int? maxTokens, [NotNullWhen(false)] out ApiError? error)
    {
        if (!ChatFieldRules.TryReadMaxTokens(body, "max_completion_tokens", model, out maxTokens, out error))
        {
            return false;
        }

        return maxTokens is not null || ChatFieldRules.TryReadMaxTokens(body, "max_tokens", model, out maxTokens, out error);
    }

    private const int MaxStopSequences = 4;

    private static bool TryReadStop(JsonElement body, out List<string>? stop, [NotNullWhen(false)] out ApiError? error)
    {
        stop = null;
        error = null;
        switch (ChatFieldRules.Member(body, "stop"))
        {
            case null:
                return true;
            case { ValueKind: JsonValueKind.String } one:
                stop = [one.GetString()!];
                return true;
            case { ValueKind: JsonValueKind.Array } many when many.GetArrayLength() <= MaxStopSequences && many.EnumerateArray().All(s => s.ValueKind == JsonValueKind.String):
                stop = many.GetArrayLength() == 0 ? null : [.. many.EnumerateArray().Select(s => s.GetString()!)];
                return true;
            default:
                return ChatFieldRules.Refuse("stop", $"stop must be a string or an array of at most {MaxStopSequences} strings.", out error);
        }
    }

    private static bool TryReadSeed(JsonElement body, out int? seed, [NotNullWhen(false)] out ApiError? error) =>
        ChatFieldRules.TryReadOptional(body, "seed", static value => ChatFieldRules.WholeNumber(value, 0, int.MaxValue), "a whole number from 0 to 2147483647.", out seed, out error);

    /// <summary><c>parallel_tool_calls</c>, read only when there are tools to call.</summary>
    private static bool TryReadParallelToolCalls(JsonElement body, List<ChatTool>? tools, out bool? parallel, [NotNullWhen(false)] out ApiError? error)
    {
        parallel = null;
        error = null;
        return tools is null || TryReadBool(body, "parallel_tool_calls", out parallel, out error);
    }

    public const string ReasoningEffortRule = "none or minimal turns thinking off; low, medium, high (or any other word) turns it on. enable_thinking wins when both are given.";

    /// <summary>OpenAI's <c>reasoning_effort</c>, which DashScope does not take, read as on or off.</summary>
    private static bool TryReadReasoningEffort(JsonElement body, out bool? thinking, [NotNullWhen(false)] out ApiError? error) =>
        ChatFieldRules.TryReadOptional(body, "reasoning_effort",
            static value => value.ValueKind == JsonValueKind.String ? !(value.ValueEquals("none"u8) || value.ValueEquals("minimal"u8)) : null,
            $"a string: {ReasoningEffortRule}", out thinking, out error);

    /// <summary>
    /// <c>response_format: {"type": "json_object"}</c> is JSON mode and goes upstream; other formats are ignored, as they
    /// were before JSON mode was read.
    /// </summary>
    private static bool TryReadJsonMode(JsonElement body, out bool jsonMode, [NotNullWhen(false)] out ApiError? error)
    {
        var read = ChatFieldRules.TryReadOptional<bool>(body, "response_format",
            static format => format.ValueKind == JsonValueKind.Object
                ? ChatFieldRules.Member(format, "type") is { ValueKind: JsonValueKind.String } type && type.ValueEquals("json_object"u8)
                : null,
            "an object such as {\"type\": \"json_object\"}.", out var asked, out error);
        jsonMode = asked ?? false;
        return read;
    }

    /// <param name="field">The member's path in a refusal, when it is not at the top of the body.</param>
    private static bool TryReadBool(JsonElement obj, string name, out bool? value, [NotNullWhen(false)] out ApiError? error, string? field = null) =>
        ChatFieldRules.TryReadOptional(obj, name, ChatFieldRules.Flag, ChatFieldRules.FlagRule, out value, out error, field);
}

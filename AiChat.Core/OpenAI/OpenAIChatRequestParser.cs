using System.Text;
using System.Text.Json;
using AiChat.Core.Api;
using AiChat.Core.Chat;
using AiChat.Core.Configuration;

namespace AiChat.Core.OpenAI;

/// <summary>
/// Validates an OpenAI chat completions request member by member, so that a bad one is refused with the member's
/// name (OpenAI's <c>param</c>) before anything goes upstream. Unknown members are ignored, as OpenAI-compatible
/// servers do; members DashScope has no use for (<c>user</c>, <c>n</c> of 1) are accepted and dropped.
/// </summary>
internal static class OpenAIChatRequestParser
{
    private const int MaxStopSequences = 4;

    public static OpenAIChatReadResult Parse(JsonElement body, AiChatOptions options)
    {
        try
        {
            return ParseOrThrow(body, options);
        }
        catch (InvalidMemberException e)
        {
            return new OpenAIChatReadResult(e.Error);
        }
    }

    private static OpenAIChatReadResult ParseOrThrow(JsonElement body, AiChatOptions options)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw Invalid("body", "The request body must be a JSON object.");
        }

        var model = ReadModel(body, options);
        var messages = ReadMessages(body, options.MaxRequestMessages);
        if (Member(body, "n") is { } n && !(n.ValueKind == JsonValueKind.Number && n.TryGetInt32(out var count) && count == 1))
        {
            throw Invalid("n", "n must be 1: this server returns one choice per request.");
        }

        var tools = ReadTools(body, model);
        var (toolChoice, forcedTool) = ReadToolChoice(body, tools);
        var stream = ReadBool(body, "stream") ?? false;
        var includeUsage = Member(body, "stream_options") is { } streamOptions
            && (streamOptions.ValueKind == JsonValueKind.Object ? ReadBool(streamOptions, "include_usage", "stream_options.include_usage") ?? false
                : throw Invalid("stream_options", "stream_options must be an object such as {\"include_usage\": true}."));
        if (Member(body, "user") is { ValueKind: not JsonValueKind.String })
        {
            throw Invalid("user", "user must be a string.");
        }

        var request = new ChatRequest(model.Id, messages)
        {
            Temperature = ReadNumber(body, "temperature", t => t is >= 0 and < 2, "must be a number from 0 up to, not including, 2"),
            TopP = ReadNumber(body, "top_p", p => p is > 0 and <= 1, "must be a number above 0 and at most 1"),
            MaxTokens = ReadMaxTokens(body, "max_completion_tokens", model) ?? ReadMaxTokens(body, "max_tokens", model),
            Stop = ReadStop(body),
            Seed = ReadSeed(body),
            EnableThinking = ReadBool(body, "enable_thinking"),
            Tools = tools,
            ToolChoice = toolChoice,
            ForcedToolName = forcedTool,
            ParallelToolCalls = tools is null ? null : ReadBool(body, "parallel_tool_calls"),
        };
        return new OpenAIChatReadResult(request, stream, stream && includeUsage);
    }

    private static ModelInfo ReadModel(JsonElement body, AiChatOptions options)
    {
        if (Member(body, "model") is not { ValueKind: JsonValueKind.String } value)
        {
            throw Invalid("model", "model is required: the id of one of the models GET /v1/models lists.");
        }

        return options.FindModel(value.GetString()!)
               ?? throw new InvalidMemberException(new ApiError(400, "model_not_found",
                   $"Model '{value.GetString()}' is not offered here; GET /v1/models lists the models.") { Field = "model" });
    }

    private static List<ChatMessage> ReadMessages(JsonElement body, int maxMessages)
    {
        if (Member(body, "messages") is not { ValueKind: JsonValueKind.Array } messages || messages.GetArrayLength() == 0)
        {
            throw Invalid("messages", "messages is required: a non-empty array of {\"role\", \"content\"} objects.");
        }

        if (messages.GetArrayLength() > maxMessages)
        {
            throw Invalid("messages", $"messages may hold at most {maxMessages} messages; this request has {messages.GetArrayLength()}.");
        }

        var result = new List<ChatMessage>(messages.GetArrayLength());
        foreach (var message in messages.EnumerateArray())
        {
            result.Add(ReadMessage(message, $"messages[{result.Count}]"));
        }

        if (!result.Exists(m => m.Role == "user"))
        {
            throw Invalid("messages", "messages must include a user message: a conversation of only system and assistant messages asks nothing.");
        }

        return result;
    }

    private static ChatMessage ReadMessage(JsonElement message, string field)
    {
        if (message.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(field, $"{field} must be an object with role and content.");
        }

        var role = Member(message, "role") is { ValueKind: JsonValueKind.String } value ? Role(value) : null;
        switch (role)
        {
            case "assistant":
                var calls = ReadToolCalls(message, field);
                var text = ReadContent(message, field, optional: calls is not null) ?? "";
                return new ChatMessage("assistant", text) { ToolCalls = calls };
            case "tool":
                if (Member(message, "tool_call_id") is not { ValueKind: JsonValueKind.String } id || id.GetString() is not { Length: > 0 } callId)
                {
                    throw Invalid($"{field}.tool_call_id", $"{field}.tool_call_id is required on a tool message: the id of the call it answers.");
                }

                return new ChatMessage("tool", ReadContent(message, field, optional: false)!) { ToolCallId = callId };
            case null:
                throw Invalid($"{field}.role", $"{field}.role must be one of system, developer, user, assistant, tool.");
            default:
                return new ChatMessage(role, ReadContent(message, field, optional: false)!);
        }
    }

    private static string? Role(JsonElement role) =>
        role.ValueEquals("user"u8) ? "user"
        : role.ValueEquals("assistant"u8) ? "assistant"
        : role.ValueEquals("system"u8) || role.ValueEquals("developer"u8) ? "system"
        : role.ValueEquals("tool"u8) ? "tool"
        : null;

    /// <summary>A string, or an array of text parts joined; null only where <paramref name="optional"/> allows it.</summary>
    private static string? ReadContent(JsonElement message, string field, bool optional)
    {
        var content = Member(message, "content");
        switch (content?.ValueKind)
        {
            case JsonValueKind.String:
                return content.Value.GetString();
            case JsonValueKind.Array:
                var text = new StringBuilder();
                var index = 0;
                foreach (var part in content.Value.EnumerateArray())
                {
                    if (part.ValueKind != JsonValueKind.Object || Member(part, "type") is not { } type || !type.ValueEquals("text"u8)
                        || Member(part, "text") is not { ValueKind: JsonValueKind.String } partText)
                    {
                        throw Invalid($"{field}.content[{index}]", $"{field}.content[{index}] must be a text part, {{\"type\": \"text\", \"text\": \"...\"}}: only text is supported.");
                    }

                    text.Append(partText.GetString());
                    index++;
                }

                return text.ToString();
            case null when optional:
                return null;
            default:
                throw Invalid($"{field}.content", $"{field}.content must be a string or an array of text parts.");
        }
    }

    private static List<ChatToolCall>? ReadToolCalls(JsonElement message, string field)
    {
        if (Member(message, "tool_calls") is not { } calls)
        {
            return null;
        }

        if (calls.ValueKind != JsonValueKind.Array)
        {
            throw Invalid($"{field}.tool_calls", $"{field}.tool_calls must be an array.");
        }

        var result = new List<ChatToolCall>();
        foreach (var call in calls.EnumerateArray())
        {
            var callField = $"{field}.tool_calls[{result.Count}]";
            if (call.ValueKind != JsonValueKind.Object
                || Member(call, "id") is not { ValueKind: JsonValueKind.String } id
                || Member(call, "function") is not { ValueKind: JsonValueKind.Object } function
                || Member(function, "name") is not { ValueKind: JsonValueKind.String } name
                || Member(function, "arguments") is not { ValueKind: JsonValueKind.String } arguments)
            {
                throw Invalid(callField, $"{callField} must be {{\"id\", \"type\": \"function\", \"function\": {{\"name\", \"arguments\": \"<JSON text>\"}}}}.");
            }

            result.Add(new ChatToolCall(id.GetString()!, name.GetString()!, arguments.GetString()!));
        }

        return result.Count == 0 ? null : result;
    }

    private static List<ChatTool>? ReadTools(JsonElement body, ModelInfo model)
    {
        if (Member(body, "tools") is not { } tools)
        {
            return null;
        }

        if (tools.ValueKind != JsonValueKind.Array)
        {
            throw Invalid("tools", "tools must be an array of {\"type\": \"function\", \"function\": {...}} objects.");
        }

        if (tools.GetArrayLength() == 0)
        {
            return null;
        }

        if (!model.SupportsTools)
        {
            throw Invalid("tools", $"{model.Id} does not take tools.");
        }

        var result = new List<ChatTool>();
        foreach (var tool in tools.EnumerateArray())
        {
            var field = $"tools[{result.Count}]";
            if (tool.ValueKind != JsonValueKind.Object || Member(tool, "type") is not { } type || !type.ValueEquals("function"u8)
                || Member(tool, "function") is not { ValueKind: JsonValueKind.Object } function)
            {
                throw Invalid(field, $"{field} must be {{\"type\": \"function\", \"function\": {{\"name\", \"description\", \"parameters\"}}}}.");
            }

            if (Member(function, "name") is not { ValueKind: JsonValueKind.String } name || !IsFunctionName(name.GetString()!))
            {
                throw Invalid($"{field}.function.name", $"{field}.function.name must be 1 to 64 letters, digits, underscores or dashes.");
            }

            var description = Member(function, "description") is { } text
                ? text.ValueKind == JsonValueKind.String ? text.GetString()! : throw Invalid($"{field}.function.description", $"{field}.function.description must be a string.")
                : "";
            var parameters = Member(function, "parameters") is { } schema
                ? schema.ValueKind == JsonValueKind.Object ? schema.Clone() : throw Invalid($"{field}.function.parameters", $"{field}.function.parameters must be a JSON schema object.")
                : EmptySchema;
            result.Add(new ChatTool(name.GetString()!, description, parameters));
        }

        return result;
    }

    private static readonly JsonElement EmptySchema = JsonElement.Parse("""{"type":"object","properties":{}}""");

    private static (string? Mode, string? Forced) ReadToolChoice(JsonElement body, List<ChatTool>? tools)
    {
        if (Member(body, "tool_choice") is not { } choice)
        {
            return (null, null);
        }

        if (choice.ValueKind == JsonValueKind.String && choice.GetString() is "none" or "auto" or "required")
        {
            return (tools is null ? null : choice.GetString(), null);
        }

        if (choice.ValueKind == JsonValueKind.Object && Member(choice, "function") is { ValueKind: JsonValueKind.Object } function
            && Member(function, "name") is { ValueKind: JsonValueKind.String } name)
        {
            return tools?.Exists(t => t.Name == name.GetString()) == true
                ? (null, name.GetString())
                : throw Invalid("tool_choice", $"tool_choice names '{name.GetString()}', which is not among tools.");
        }

        throw Invalid("tool_choice", "tool_choice must be \"none\", \"auto\", \"required\" or {\"type\": \"function\", \"function\": {\"name\": \"...\"}}.");
    }

    private static bool IsFunctionName(string name) =>
        name.Length is >= 1 and <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    private static List<string>? ReadStop(JsonElement body)
    {
        switch (Member(body, "stop"))
        {
            case null:
                return null;
            case { ValueKind: JsonValueKind.String } one:
                return [one.GetString()!];
            case { ValueKind: JsonValueKind.Array } many when many.GetArrayLength() <= MaxStopSequences && many.EnumerateArray().All(s => s.ValueKind == JsonValueKind.String):
                return many.GetArrayLength() == 0 ? null : [.. many.EnumerateArray().Select(s => s.GetString()!)];
            default:
                throw Invalid("stop", $"stop must be a string or an array of at most {MaxStopSequences} strings.");
        }
    }

    private static int? ReadSeed(JsonElement body) => Member(body, "seed") switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } value when value.TryGetInt32(out var seed) && seed >= 0 => seed,
        _ => throw Invalid("seed", "seed must be a whole number from 0 to 2147483647."),
    };

    private static int? ReadMaxTokens(JsonElement body, string name, ModelInfo model) => Member(body, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } value when value.TryGetInt32(out var tokens) && tokens >= 1 && tokens <= model.MaxTokens => tokens,
        _ => throw Invalid(name, $"{name} must be a whole number from 1 to {model.MaxTokens} for {model.Id}."),
    };

    private static double? ReadNumber(JsonElement body, string name, Func<double, bool> isValid, string rule) => Member(body, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } value when value.TryGetDouble(out var number) && isValid(number) => number,
        _ => throw Invalid(name, $"{name} {rule}."),
    };

    private static bool? ReadBool(JsonElement body, string name, string? field = null) => Member(body, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => throw Invalid(field ?? name, $"{field ?? name} must be true or false."),
    };

    /// <summary>The member's value; null when it is absent or JSON null (OpenAI treats both as "not set").</summary>
    private static JsonElement? Member(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static InvalidMemberException Invalid(string field, string message) => new(ApiError.InvalidField(field, message));

    private sealed class InvalidMemberException(ApiError error) : Exception(error.Message)
    {
        public ApiError Error { get; } = error;
    }
}

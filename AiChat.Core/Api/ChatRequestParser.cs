using System.Text.Json;
using AiChat.Core.Chat;
using AiChat.Core.Configuration;
using AiChat.Core.Geo;

namespace AiChat.Core.Api;

/// <summary>
/// Validates a chat request body field by field, so that a bad request is refused with the field's name before
/// anything goes upstream. Unknown members are ignored, as the Flask seed did.
/// </summary>
internal static class ChatRequestParser
{
    public static ChatRequestReadResult Parse(JsonElement body, AiChatOptions options, ChatBodyShape shape = ChatBodyShape.Messages)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return Invalid("body", "The request body must be a JSON object.");
        }

        var model = ReadModel(body, options, out var modelError);
        if (modelError is not null)
        {
            return modelError;
        }

        var messages = shape == ChatBodyShape.Messages ? ReadMessages(body, options.MaxRequestMessages, out var messagesError) : ReadMessage(body, out messagesError);
        if (messagesError is not null)
        {
            return messagesError;
        }

        var sessionId = ReadSessionId(body, out var sessionError);
        if (sessionError is not null)
        {
            return sessionError;
        }

        ClientContext? clientContext = null;
        if (shape == ChatBodyShape.Message && body.TryGetProperty("client_context", out var contextValue)
            && !ClientContextParser.TryParse(contextValue, out clientContext, out var badField))
        {
            return Invalid(badField!, $"{badField} is not valid: client_context is {{\"map_crs\": \"gcj02\" or \"wgs84\", \"location\": {{\"lng\", \"lat\", \"crs\", \"accuracy_m\"}}}}.");
        }

        var temperature = ReadNumber(body, "temperature", t => t is >= 0 and < 2, "must be a number from 0 up to, not including, 2", out var error);
        var topP = error is null ? ReadNumber(body, "top_p", p => p is > 0 and <= 1, "must be a number above 0 and at most 1", out error) : null;
        var maxTokens = error is null ? ReadMaxTokens(body, model!, out error) : null;
        return error ?? new ChatRequestReadResult(new ChatRequest(model!.Id, messages!)
        {
            Temperature = temperature,
            TopP = topP,
            MaxTokens = maxTokens,
        }, sessionId) { ClientContext = clientContext };
    }

    private static ModelInfo? ReadModel(JsonElement body, AiChatOptions options, out ChatRequestReadResult? error)
    {
        error = null;
        if (!body.TryGetProperty("model", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return options.FindModel(options.DefaultModel);
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            error = Invalid("model", "model must be a string.");
            return null;
        }

        var model = options.FindModel(value.GetString()!);
        if (model is null)
        {
            error = new ChatRequestReadResult(new ApiError(400, "model_not_found",
                $"Model '{value.GetString()}' is not offered here; GET /api/models lists the models.") { Field = "model" });
        }

        return model;
    }

    private static List<ChatMessage>? ReadMessages(JsonElement body, int maxMessages, out ChatRequestReadResult? error)
    {
        error = null;
        if (!body.TryGetProperty("messages", out var messages) || messages.ValueKind == JsonValueKind.Null)
        {
            error = Invalid("messages", "messages is required: an array of {\"role\", \"content\"} objects.");
            return null;
        }

        if (messages.ValueKind != JsonValueKind.Array || messages.GetArrayLength() == 0)
        {
            error = Invalid("messages", "messages must be a non-empty array of {\"role\", \"content\"} objects.");
            return null;
        }

        if (messages.GetArrayLength() > maxMessages)
        {
            error = Invalid("messages", $"messages may hold at most {maxMessages} messages; this request has {messages.GetArrayLength()}.");
            return null;
        }

        var result = new List<ChatMessage>(messages.GetArrayLength());
        foreach (var message in messages.EnumerateArray())
        {
            if (message.ValueKind != JsonValueKind.Object)
            {
                error = InvalidMessage(result.Count, "", "must be an object with role and content");
                return null;
            }

            if (!message.TryGetProperty("role", out var value) || Role(value) is not { } role)
            {
                error = InvalidMessage(result.Count, ".role", "must be one of system, user, assistant");
                return null;
            }

            if (!message.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.String)
            {
                error = InvalidMessage(result.Count, ".content", "must be a string");
                return null;
            }

            result.Add(new ChatMessage(role, content.GetString()!));
        }

        if (!result.Exists(m => m.Role == "user"))
        {
            error = Invalid("messages", "messages must include a user message: a conversation of only system and assistant messages asks nothing.");
            return null;
        }

        return result;
    }

    /// <summary>The role as one of the three literals, so that reading it allocates nothing; null when it is none of them.</summary>
    private static string? Role(JsonElement role) =>
        role.ValueKind != JsonValueKind.String ? null
        : role.ValueEquals("user"u8) ? "user"
        : role.ValueEquals("assistant"u8) ? "assistant"
        : role.ValueEquals("system"u8) ? "system"
        : null;

    private static List<ChatMessage>? ReadMessage(JsonElement body, out ChatRequestReadResult? error)
    {
        error = null;
        if (!body.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.String)
        {
            error = Invalid("message", "message is required: the user's message as a non-empty string.");
            return null;
        }

        var text = message.GetString()!;
        if (VisibleText.IsBlank(text))
        {
            error = Invalid("message", "message has nothing to read: it is empty, or only white space and invisible characters.");
            return null;
        }

        return [new ChatMessage("user", text)];
    }

    private static string? ReadSessionId(JsonElement body, out ChatRequestReadResult? error)
    {
        error = null;
        if (!body.TryGetProperty("session_id", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            error = Invalid("session_id", "session_id must be a string, as stream_start gave it.");
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    private static double? ReadNumber(JsonElement body, string name, Func<double, bool> isValid, string rule, out ChatRequestReadResult? error)
    {
        error = null;
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && isValid(number))
        {
            return number;
        }

        error = Invalid(name, $"{name} {rule}.");
        return null;
    }

    private static int? ReadMaxTokens(JsonElement body, ModelInfo model, out ChatRequestReadResult? error)
    {
        error = null;
        if (!body.TryGetProperty("max_tokens", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var tokens) && tokens >= 1 && tokens <= model.MaxTokens)
        {
            return tokens;
        }

        error = Invalid("max_tokens", $"max_tokens must be a whole number from 1 to {model.MaxTokens} for {model.Id}.");
        return null;
    }

    private static ChatRequestReadResult Invalid(string field, string message) => new(ApiError.InvalidField(field, message));

    private static ChatRequestReadResult InvalidMessage(int index, string member, string rule)
    {
        var field = $"messages[{index}]{member}";
        return Invalid(field, $"{field} {rule}.");
    }
}

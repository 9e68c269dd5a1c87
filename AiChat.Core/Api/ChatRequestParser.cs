using System.Diagnostics.CodeAnalysis;
using AiChat.Core.Geo;
using AiChat.Core.Images;
using AiChat.Core.Sessions;

namespace AiChat.Core.Api;

/// <summary>
/// Validates a Flask-compatible chat request body field by field, so that a bad request is refused with the field's
/// name before anything goes upstream. Unknown members are ignored, as the Flask app did. The rules it shares with the
/// OpenAI-compatible format are <see cref="ChatFieldRules"/>.
/// </summary>
internal static class ChatRequestParser
{
    /// <param name="stream">Whether the route streams its answer.</param>
    /// <param name="imageOptions">The image settings; the defaults when null.</param>
    public static ChatRequestReadResult Parse(
        JsonElement body, AiChatOptions options, ChatBodyShape shape = ChatBodyShape.Messages, bool stream = true, ImageOptions? imageOptions = null)
    {
        if (!ChatFieldRules.IsObject(body, out var error) || !ImageBodyRules.IsTextWithinCap(body, options, out error) || !TryReadModel(body, options, out var model, out error))
        {
            return new ChatRequestReadResult(error);
        }

        var images = new ImagePartReader(imageOptions ?? new ImageOptions(), model);
        if (!(shape == ChatBodyShape.Messages ? TryReadMessages(body, options.MaxRequestMessages, images, out var messages, out error) : TryReadMessage(body, images, out messages, out error))
            || !TryReadSessionId(body, out var sessionId, out error)
            || !TryReadClientContext(body, shape, out var clientContext, out error)
            || !ChatFieldRules.TryReadTemperature(body, out var temperature, out error)
            || !ChatFieldRules.TryReadTopP(body, out var topP, out error)
            || !ChatFieldRules.TryReadMaxTokens(body, "max_tokens", model, out var maxTokens, out error)
            || !ChatFieldRules.TryReadThinking(body, model, stream, "model", jsonMode: false, impliedThinking: null, out var thinking, out error))
        {
            return new ChatRequestReadResult(error);
        }

        var request = new ChatRequest(model.Id, messages)
        {
            Temperature = temperature,
            TopP = topP,
            MaxTokens = maxTokens,
            EnableThinking = thinking.EnableThinking,
            ThinkingBudget = thinking.ThinkingBudget,
            PreserveThinking = thinking.PreserveThinking,
        };
        return new ChatRequestReadResult(request, sessionId) { ClientContext = clientContext, Images = images.Parts };
    }

    public const string ModelsRoute = "GET /api/models";

    /// <summary>The named model, or the configured default when none is named.</summary>
    private static bool TryReadModel(JsonElement body, AiChatOptions options, [NotNullWhen(true)] out ModelInfo? model, [NotNullWhen(false)] out ApiError? error)
    {
        switch (ChatFieldRules.Member(body, "model"))
        {
            case null:
                return ChatFieldRules.TryFindModel(options.DefaultModel, options, ModelsRoute, out model, out error);
            case { ValueKind: JsonValueKind.String } value:
                return ChatFieldRules.TryFindModel(value.GetString()!, options, ModelsRoute, out model, out error);
            default:
                model = null;
                return ChatFieldRules.Refuse("model", "model must be a string.", out error);
        }
    }

    public const string Roles = "system, user, assistant";

    private static bool TryReadMessages(JsonElement body, int maxMessages, ImagePartReader images, [NotNullWhen(true)] out List<ChatMessage>? messages, [NotNullWhen(false)] out ApiError? error)
    {
        messages = null;
        if (ChatFieldRules.Member(body, "messages") is not { } array)
        {
            return ChatFieldRules.Refuse("messages", "messages is required: an array of {\"role\", \"content\"} objects.", out error);
        }

        if (array.ValueKind != JsonValueKind.Array || array.GetArrayLength() == 0)
        {
            return ChatFieldRules.Refuse("messages", "messages must be a non-empty array of {\"role\", \"content\"} objects.", out error);
        }

        // Every role's content may hold images here, as a string or an array of text and image parts.
        return ChatFieldRules.TryReadConversation(array, maxMessages, Roles, images.TryReadMessage, out messages, out error);
    }

    /// <summary>When a single <c>message</c> says nothing.</summary>
    public const string BlankMessage = "it is empty, or only white space and invisible characters";

    /// <summary>The typed-events shape: one user message, as a string that shows something, and optionally <c>images</c>, an array of data URLs.</summary>
    private static bool TryReadMessage(JsonElement body, ImagePartReader images, [NotNullWhen(true)] out List<ChatMessage>? messages, [NotNullWhen(false)] out ApiError? error)
    {
        messages = null;
        error = null;
        if (ChatFieldRules.Member(body, "message") is not { ValueKind: JsonValueKind.String } message)
        {
            return ChatFieldRules.Refuse("message", "message is required: the user's message as a non-empty string.", out error);
        }

        var text = message.GetString()!;
        if (VisibleText.IsBlank(text))
        {
            return ChatFieldRules.Refuse("message", $"message has nothing to read: {BlankMessage}.", out error);
        }

        if (ChatFieldRules.Member(body, "images") is { } urls)
        {
            if (urls.ValueKind != JsonValueKind.Array)
            {
                return ChatFieldRules.Refuse("images", "images must be an array of data URLs (data:image/png;base64,...).", out error);
            }

            var index = 0;
            foreach (var url in urls.EnumerateArray())
            {
                if (!images.TryReadImage(url, 0, $"images[{index++}]", out error))
                {
                    return false;
                }
            }
        }

        messages = [new ChatMessage("user", text)];
        return true;
    }

    /// <summary>Why a session id is refused by its shape; the value itself is never repeated.</summary>
    public const string SessionIdShape = "session_id must be a session id as stream_start gave it: 32 lowercase hexadecimal digits.";

    private static bool TryReadSessionId(JsonElement body, out string? sessionId, [NotNullWhen(false)] out ApiError? error)
    {
        sessionId = null;
        error = null;
        switch (ChatFieldRules.Member(body, "session_id"))
        {
            case null:
                return true;
            case { ValueKind: JsonValueKind.String } value when SessionIds.IsWellFormed(value.GetString()!):
                sessionId = value.GetString();
                return true;
            default:
                return ChatFieldRules.Refuse("session_id", SessionIdShape, out error);
        }
    }

    /// <summary>The typed-events shape's <c>client_context</c>; the other shape ignores the member.</summary>
    private static bool TryReadClientContext(JsonElement body, ChatBodyShape shape, out ClientContext? context, [NotNullWhen(false)] out ApiError? error)
    {
        context = null;
        error = null;
        if (shape != ChatBodyShape.Message || !body.TryGetProperty("client_context", out var value)
            || ClientContextParser.TryParse(value, out context, out var badField))
        {
            return true;
        }

        return ChatFieldRules.Refuse(badField!, $"{badField} is not valid: client_context is {{\"map_crs\": \"gcj02\" or \"wgs84\", \"location\": {{\"lng\", \"lat\", \"crs\", \"accuracy_m\"}}}}.", out error);
    }
}

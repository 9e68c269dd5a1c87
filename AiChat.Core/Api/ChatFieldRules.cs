using System.Diagnostics.CodeAnalysis;

namespace AiChat.Core.Api;

/// <summary>
/// The field rules both chat request formats apply, the Flask-compatible one (<see cref="ChatRequestParser"/>) and
/// OpenAI's (<see cref="OpenAI.OpenAIChatRequestParser"/>), each with its message; the OpenAPI document describes
/// the fields with the same texts. Every rule, here and in both parsers, has one shape: it returns whether the field
/// passes, hands out what it read, and otherwise the error that refuses the request.
/// </summary>
internal static class ChatFieldRules
{
    public static bool IsObject(JsonElement body, [NotNullWhen(false)] out ApiError? error)
    {
        error = null;
        return body.ValueKind == JsonValueKind.Object || Refuse("body", "The request body must be a JSON object.", out error);
    }

    /// <param name="modelsRoute">The route that lists the models in the format's own API.</param>
    public static bool TryFindModel(string id, AiChatOptions options, string modelsRoute,
        [NotNullWhen(true)] out ModelInfo? model, [NotNullWhen(false)] out ApiError? error)
    {
        error = null;
        model = options.FindModel(id);
        if (model is null)
        {
            error = new ApiError(400, "model_not_found", $"Model '{id}' is not offered here; {modelsRoute} lists the models.") { Field = "model" };
        }

        return model is not null;
    }

    /// <summary>
    /// A conversation, once it is known to be a non-empty array: at most <paramref name="maxMessages"/> messages, each
    /// an object whose role is among <paramref name="roles"/> and whose rest <paramref name="readMessage"/> accepts,
    /// with at least one user message.
    /// </summary>
    /// <param name="roles">The roles the format accepts, as its refusal lists them, e.g. <c>system, user, assistant</c>.</param>
    public static bool TryReadConversation(JsonElement messages, int maxMessages, string roles, ChatMessageReader readMessage,
        [NotNullWhen(true)] out List<ChatMessage>? conversation, [NotNullWhen(false)] out ApiError? error)
    {
        conversation = null;
        var count = messages.GetArrayLength();
        if (count > maxMessages)
        {
            return Refuse("messages", $"messages may hold at most {maxMessages} messages; this request has {count}.", out error);
        }

        var read = new List<ChatMessage>(count);
        foreach (var message in messages.EnumerateArray())
        {
            var field = $"messages[{read.Count}]";
            if (message.ValueKind != JsonValueKind.Object)
            {
                return Refuse(field, $"{field} must be an object with role and content.", out error);
            }

            if (!TryReadRole(message, field, roles, out var role, out error) || !readMessage(message, read.Count, field, role, out var one, out error))
            {
                return false;
            }

            read.Add(one);
        }

        if (!read.Exists(m => m.Role == "user"))
        {
            return Refuse("messages", "messages must include a user message: a conversation of only system and assistant messages asks nothing.", out error);
        }

        conversation = read;
        error = null;
        return true;
    }

    public const string TemperatureRange = "a number from 0 up to, not including, 2";

    public static bool TryReadTemperature(JsonElement body, out double? temperature, [NotNullWhen(false)] out ApiError? error) =>
        TryReadNumber(body, "temperature", t => t is >= 0 and < 2, TemperatureRange, out temperature, out error);

    public const string TopPRange = "a number above 0 and at most 1";

    public static bool TryReadTopP(JsonElement body, out double? topP, [NotNullWhen(false)] out ApiError? error) =>
        TryReadNumber(body, "top_p", p => p is > 0 and <= 1, TopPRange, out topP, out error);

    /// <summary>The max_tokens rule as the OpenAPI document states it; a refusal names the requested model's own cap.</summary>
    public const string MaxTokensRange = "a whole number from 1 to the model's maxTokens";

    /// <param name="name"><c>max_tokens</c>, or OpenAI's newer <c>max_completion_tokens</c>.</param>
    public static bool TryReadMaxTokens(JsonElement body, string name, ModelInfo model, out int? maxTokens, [NotNullWhen(false)] out ApiError? error) =>
        TryReadOptional(body, name, model, static (value, model) => WholeNumber(value, 1, model.MaxTokens),
            static model => $"a whole number from 1 to {model.MaxTokens} for {model.Id}.", out maxTokens, out error);

    public const string EnableThinkingRule =
        "true or false; absent keeps the model's default (GET /api/models: thinking). false is refused by a model whose thinking is \"only\", true by one whose thinking is \"none\".";

    public const string ThinkingBudgetRule = "a whole number of at least 1: the most tokens the model may think for; only for a model that thinks.";

    public const string PreserveThinkingRule =
        "true keeps the answer's reasoning in the session and sends earlier reasoning upstream; only for a model with preserveThinking.";

    /// <summary>
    /// enable_thinking, thinking_budget and preserve_thinking, checked against what <paramref name="model"/> can do, so
    /// that a request the upstream would refuse is refused here, naming the field.
    /// </summary>
    /// <param name="stream">Whether the call streams: a model that thinks only, and not on non-streaming calls, answers only streams.</param>
    /// <param name="streamField">The field a refusal of a non-streaming call names (<c>stream</c>, or <c>model</c> where the route decides).</param>
    /// <param name="jsonMode">Whether the answer must be a JSON object: DashScope refuses that while the model thinks.</param>
    /// <param name="impliedThinking">What another field (OpenAI's <c>reasoning_effort</c>) said, when enable_thinking is absent.</param>
    public static bool TryReadThinking(JsonElement body, ModelInfo model, bool stream, string streamField, bool jsonMode, bool? impliedThinking,
        out ThinkingFields thinking, [NotNullWhen(false)] out ApiError? error)
    {
        thinking = default;
        if (!TryReadOptional(body, "enable_thinking", Flag, EnableThinkingRule, out var enable, out error)
            || !TryReadOptional(body, "thinking_budget", static value => WholeNumber(value, 1, int.MaxValue), ThinkingBudgetRule, out var budget, out error)
            || !TryReadOptional(body, "preserve_thinking", Flag, FlagRule, out var preserve, out error))
        {
            return false;
        }

        var enableField = "enable_thinking";
        if (enable is null && impliedThinking is not null)
        {
            (enable, enableField) = (impliedThinking, "reasoning_effort");
        }

        if (enable == false && model.Thinking == ThinkingModes.Only)
        {
            return Refuse(enableField, $"{model.Id} always thinks: thinking cannot be turned off.", out error);
        }

        if (enable == true && !model.CanThink)
        {
            return Refuse(enableField, $"{model.Id} cannot think: leave thinking off or pick a model whose thinking is not \"none\" ({ModelsRoute}).", out error);
        }

        if (budget is not null && (!model.CanThink || enable == false))
        {
            return Refuse("thinking_budget", $"thinking_budget is only for a call that thinks; {model.Id} {(model.CanThink ? "was told not to think" : "cannot think")}.", out error);
        }

        if (preserve == true && !model.PreserveThinking)
        {
            return Refuse("preserve_thinking", $"{model.Id} does not take preserve_thinking ({ModelsRoute}: preserveThinking).", out error);
        }

        if (jsonMode && (enable ?? model.ThinksByDefault))
        {
            if (enable == true || model.Thinking == ThinkingModes.Only)
            {
                return Refuse("response_format", $"JSON mode cannot be used while {model.Id} thinks; set enable_thinking to false or pick a model that need not think.", out error);
            }

            // A model that thinks by default is told not to: JSON mode asked for an answer, not for reasoning.
            enable = false;
        }

        if (!stream && model is { Thinking: ThinkingModes.Only, ThinkingNonStreaming: false })
        {
            return Refuse(streamField, $"{model.Id} answers only streamed calls (it always thinks, and not on non-streaming calls).", out error);
        }

        thinking = new ThinkingFields(enable, budget, preserve);
        return true;
    }

    /// <summary>Where both formats' refusals point for the models and their flags.</summary>
    private const string ModelsRoute = "GET /api/models";

    /// <summary>The member's value; null when it is absent or JSON null, which both formats read as "not set".</summary>
    public static JsonElement? Member(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>
    /// An optional member: absent (or JSON null) it passes as null; present, <paramref name="read"/> gives its value, or
    /// null to refuse it as "<c>name</c> must be <paramref name="rule"/>".
    /// </summary>
    /// <param name="field">The member's path in a refusal, when it is not at the top of the body.</param>
    public static bool TryReadOptional<T>(JsonElement obj, string name, Func<JsonElement, T?> read, string rule,
        out T? value, [NotNullWhen(false)] out ApiError? error, string? field = null)
        where T : struct =>
        TryReadOptional(obj, name, (read, rule), static (member, state) => state.read(member), static state => state.rule, out value, out error, field);

    /// <summary>
    /// The same, for a rule that depends on <paramref name="state"/> (e.g. the model): reading and the refusal's text
    /// get it passed, so a request pays for no closure and no message unless it is refused.
    /// </summary>
    public static bool TryReadOptional<T, TState>(JsonElement obj, string name, TState state, Func<JsonElement, TState, T?> read,
        Func<TState, string> rule, out T? value, [NotNullWhen(false)] out ApiError? error, string? field = null)
        where T : struct
    {
        value = null;
        error = null;
        if (Member(obj, name) is not { } member)
        {
            return true;
        }

        value = read(member, state);
        return value is not null || Refuse(field ?? name, $"{field ?? name} must be {rule(state)}", out error);
    }

    public const string FlagRule = "true or false.";

    /// <summary>A JSON true or false; null for anything else.</summary>
    public static bool? Flag(JsonElement value) => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;

    /// <summary>A JSON number that is a whole number from <paramref name="min"/> to <paramref name="max"/>; null for anything else.</summary>
    public static int? WholeNumber(JsonElement value, int min, int max) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= min && number <= max ? number : null;

    /// <summary>Refuses the request for <paramref name="field"/>: always false, for a rule to return.</summary>
    public static bool Refuse(string field, string message, out ApiError error)
    {
        error = ApiError.InvalidField(field, message);
        return false;
    }

    private static bool TryReadNumber(JsonElement body, string name, Func<double, bool> isValid, string range,
        out double? number, [NotNullWhen(false)] out ApiError? error) =>
        TryReadOptional(body, name, (isValid, range), static (value, rule) => value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var read) && rule.isValid(read) ? read : null,
            static rule => rule.range + ".", out number, out error);

    /// <summary>
    /// The message's role as a literal, so that reading it allocates nothing; <c>developer</c>, OpenAI's newer name
    /// for <c>system</c>, is read as <c>system</c>.
    /// </summary>
    private static bool TryReadRole(JsonElement message, string field, string roles,
        [NotNullWhen(true)] out string? role, [NotNullWhen(false)] out ApiError? error)
    {
        error = null;
        role = Member(message, "role") is { ValueKind: JsonValueKind.String } value ? RoleName(value) : null;
        if (role is null || !IsListed(role, roles))
        {
            role = null;
            return Refuse($"{field}.role", $"{field}.role must be one of {roles}.", out error);
        }

        role = role == "developer" ? "system" : role;
        return true;
    }

    private static string? RoleName(JsonElement role) =>
        role.ValueEquals("user"u8) ? "user"
        : role.ValueEquals("assistant"u8) ? "assistant"
        : role.ValueEquals("system"u8) ? "system"
        : role.ValueEquals("developer"u8) ? "developer"
        : role.ValueEquals("tool"u8) ? "tool"
        : null;

    private static bool IsListed(string role, string roles)
    {
        foreach (var listed in roles.AsSpan().Split(", "))
        {
            if (roles.AsSpan()[listed].SequenceEqual(role))
            {
                return true;
            }
        }

        return false;
    }
}

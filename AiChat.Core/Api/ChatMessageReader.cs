using System.Diagnostics.CodeAnalysis;

namespace AiChat.Core.Api;

/// <summary>A request format's rule for the rest of one message, once its object shape and role have passed.</summary>
/// <param name="index">The message's place in the conversation.</param>
/// <param name="field">The message's path, e.g. <c>messages[2]</c>.</param>
internal delegate bool ChatMessageReader(JsonElement message, int index, string field, string role,
    [NotNullWhen(true)] out ChatMessage? read, [NotNullWhen(false)] out ApiError? error);

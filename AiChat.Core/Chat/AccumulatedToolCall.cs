namespace AiChat.Core.Chat;

/// <summary>
/// One call of a round, put together. <see cref="Arguments"/> is the normalized JSON object, or null when the model's
/// arguments held none (the call is then answered <c>invalid_arguments</c> and never run); <see cref="RawArguments"/>
/// is what was streamed.
/// </summary>
internal sealed record AccumulatedToolCall(string Id, string Name, string? Arguments, string RawArguments);

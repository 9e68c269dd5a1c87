namespace AiChat.Emulator;

/// <summary>A tool call in a request's history: id, function name and the arguments string as sent.</summary>
public sealed record EmulatedToolCall(string? Id, string? Name, string? Arguments);

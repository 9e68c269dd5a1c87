namespace AiChat.Emulator;

/// <summary>One chat message as the emulator received it; content parts are joined into one text.</summary>
public sealed record EmulatedMessage(string Role, string Content);

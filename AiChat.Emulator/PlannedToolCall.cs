namespace AiChat.Emulator;

/// <summary>A call the emulated model decided to make: the function and its whole arguments string.</summary>
internal sealed record PlannedToolCall(string Name, string Arguments);

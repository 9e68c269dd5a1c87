namespace AiChat.Core.OpenAI;

/// <summary>A tool-call delta as OpenAI streams it: id and name on a call's first delta only, then argument text.</summary>
internal readonly record struct RelayedToolCall(int Index, string? Id, string? Name, string Arguments);

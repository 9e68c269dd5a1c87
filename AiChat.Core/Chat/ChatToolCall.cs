namespace AiChat.Core.Chat;

/// <summary>A complete tool call: its id, the tool's name and the arguments as a JSON object text.</summary>
internal sealed record ChatToolCall(string Id, string Name, string Arguments);

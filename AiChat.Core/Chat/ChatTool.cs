namespace AiChat.Core.Chat;

/// <summary>A function the model may call: name, description and a JSON schema object for its parameters.</summary>
internal sealed record ChatTool(string Name, string Description, JsonElement Parameters);

namespace AiChat.Core.DashScope.Wire;

internal sealed record WireFunctionDeclaration(string Name, string Description, JsonElement Parameters);

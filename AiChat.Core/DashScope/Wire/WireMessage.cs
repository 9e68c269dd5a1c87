namespace AiChat.Core.DashScope.Wire;

internal sealed record WireMessage(string Role, string Content);

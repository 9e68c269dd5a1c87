namespace AiChat.Core.DashScope.Wire;

internal sealed record NativeInput(IReadOnlyList<WireMessage> Messages);

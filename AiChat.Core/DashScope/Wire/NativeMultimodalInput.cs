namespace AiChat.Core.DashScope.Wire;

internal sealed record NativeMultimodalInput(IReadOnlyList<WirePartsMessage> Messages);

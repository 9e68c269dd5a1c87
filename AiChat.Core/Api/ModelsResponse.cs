namespace AiChat.Core.Api;

internal sealed record ModelsResponse([property: JsonPropertyName("models")] IReadOnlyList<ModelInfo> Models);

using System.Text.Json.Serialization;
using AiChat.Core.Configuration;

namespace AiChat.Core.Api;

internal sealed record ModelsResponse([property: JsonPropertyName("models")] IReadOnlyList<ModelInfo> Models);

namespace AiChat.Core.Api;

/// <summary>The Flask-compatible answers' JSON. They are written by <see cref="JsonAnswer{T}"/>, whose writer sets the encoder.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(ModelsResponse))]
[JsonSerializable(typeof(CompletionResponse))]
[JsonSerializable(typeof(SessionResponse))]
internal sealed partial class AiChatJsonContext : JsonSerializerContext;

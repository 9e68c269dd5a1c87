namespace AiChat.Core.DashScope.Wire;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CompatibleChatRequest))]
[JsonSerializable(typeof(NativeChatRequest))]
[JsonSerializable(typeof(NativeMultimodalChatRequest))]
internal sealed partial class DashScopeJsonContext : JsonSerializerContext;

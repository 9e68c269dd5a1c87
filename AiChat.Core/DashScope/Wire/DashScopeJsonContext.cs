namespace AiChat.Core.DashScope.Wire;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(CompatibleChatRequest))]
[JsonSerializable(typeof(CompatibleChatResponse))]
[JsonSerializable(typeof(NativeChatRequest))]
[JsonSerializable(typeof(NativeMultimodalChatRequest))]
[JsonSerializable(typeof(NativeChatResponse))]
[JsonSerializable(typeof(WireError))]
internal sealed partial class DashScopeJsonContext : JsonSerializerContext;

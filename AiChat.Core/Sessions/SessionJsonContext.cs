namespace AiChat.Core.Sessions;

/// <summary>A session as <c>{"owner", "messages"}</c>, messages as <c>{"role", "content"}</c>: the names the store's Lua scripts read.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(List<ChatMessage>))]
[JsonSerializable(typeof(StoredSession))]
internal sealed partial class SessionJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;
using AiChat.Core.Chat;

namespace AiChat.Core.Sessions;

/// <summary>Messages as <c>{"role", "content"}</c>, the names the store's Lua script reads.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(List<ChatMessage>))]
internal sealed partial class SessionJsonContext : JsonSerializerContext;

using System.ComponentModel;
using System.Text.Json.Serialization;

namespace AiChat.Core.OpenApi;

internal sealed record RequestMessage(
    [property: JsonPropertyName("role"), Description(FieldDescriptions.Role)] string Role,
    [property: JsonPropertyName("content")] string Content);

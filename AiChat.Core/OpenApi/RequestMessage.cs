using System.ComponentModel;
using AiChat.Core.Images;

namespace AiChat.Core.OpenApi;

internal sealed record RequestMessage(
    [property: JsonPropertyName("role"), Description(FieldDescriptions.Role)] string Role,
    [property: JsonPropertyName("content"), Description("The message's text: " + ImagePartReader.PartShapes + "; images only for a model with image input (docs/images.md).")]
    JsonElement Content);

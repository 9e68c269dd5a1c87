using AiChat.Core.Images;

namespace AiChat.Core.DashScope.Wire;

/// <summary>
/// A message's <c>content</c> as sent upstream: a string, or an array of parts, images first, in the compatible
/// protocol's shape or the native multimodal one's (<see cref="WireContentShape"/>, docs/images.md#upstream).
/// </summary>
[JsonConverter(typeof(WireContentWriter))]
internal sealed class WireContent(string text, IReadOnlyList<ChatImage>? images = null, WireContentShape shape = WireContentShape.CompatibleParts)
{
    public string Text { get; } = text;

    public IReadOnlyList<ChatImage>? Images { get; } = images is { Count: > 0 } ? images : null;

    public WireContentShape Shape { get; } = shape;

    public static implicit operator WireContent(string text) => new(text);

    public override string ToString() => Text;
}

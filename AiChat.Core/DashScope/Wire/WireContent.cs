using System.Text.Json.Serialization;
using AiChat.Core.Images;

namespace AiChat.Core.DashScope.Wire;

/// <summary>
/// A message's <c>content</c> as sent upstream: a string, or with images an array of parts, in the compatible
/// protocol's shape (<c>{"type":"image_url",...}</c>, <c>{"type":"text",...}</c>) or the native one's
/// (<c>{"image": ...}</c>, <c>{"text": ...}</c>), images first (docs/images.md#upstream).
/// </summary>
[JsonConverter(typeof(WireContentWriter))]
internal sealed class WireContent(string text, IReadOnlyList<ChatImage>? images = null, bool nativeParts = false)
{
    public string Text { get; } = text;

    public IReadOnlyList<ChatImage>? Images { get; } = images is { Count: > 0 } ? images : null;

    public bool NativeParts { get; } = nativeParts;

    public static implicit operator WireContent(string text) => new(text);

    public override string ToString() => Text;
}

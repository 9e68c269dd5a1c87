namespace AiChat.Core.DashScope.Wire;

/// <summary>How a message's <c>content</c> is written upstream.</summary>
internal enum WireContentShape
{
    /// <summary>A string, or with images the compatible protocol's parts (<c>{"type":"image_url",...}</c>, <c>{"type":"text",...}</c>).</summary>
    CompatibleParts,

    /// <summary>Always an array of the native multimodal endpoint's parts (<c>{"image": ...}</c>, <c>{"text": ...}</c>); <c>[]</c> when empty.</summary>
    NativeParts,
}

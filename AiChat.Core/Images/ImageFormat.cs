namespace AiChat.Core.Images;

/// <summary>The image formats accepted, told from the first bytes of the file rather than from what the URL claims.</summary>
internal enum ImageFormat
{
    Unknown,
    Jpeg,
    Png,
    Webp,
    Gif,
    Svg,
}

namespace AiChat.Core.Images;

/// <summary>Tells an image's format from its magic bytes.</summary>
internal static class ImageSniffer
{
    public static ImageFormat Sniff(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return ImageFormat.Jpeg;
        }

        if (data.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return ImageFormat.Png;
        }

        if (data.StartsWith("GIF87a"u8) || data.StartsWith("GIF89a"u8))
        {
            return ImageFormat.Gif;
        }

        if (data.Length >= 12 && data.StartsWith("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8))
        {
            return ImageFormat.Webp;
        }

        var start = data[..Math.Min(data.Length, 1024)].TrimStart(" \t\r\n\uFEFF"u8);
        return start.StartsWith("<"u8) && data[..Math.Min(data.Length, 4096)].IndexOf("<svg"u8) >= 0 ? ImageFormat.Svg : ImageFormat.Unknown;
    }
}

using System.Buffers;
using System.Buffers.Text;
using System.Runtime.InteropServices;
using SkiaSharp;

namespace AiChat.Emulator;

/// <summary>
/// DashScope's checks of an image part, with its error texts: the URL's scheme, the size of a data URL, whether the
/// bytes open as an image, its dimensions. A remote URL is never fetched: it fails as DashScope's download would
/// from a host it cannot reach.
/// </summary>
internal static class ImageInspector
{
    public const string DownloadFailed = "Failed to download multimodal content";
    public const string InvalidUrl = "The provided URL does not appear to be valid. Ensure it is correctly formatted.";
    public const string TooLarge = "Exceeded limit on max bytes per data-uri item : 10485760'";
    public const string CannotOpen = "The image format is illegal and cannot be opened";
    public const string BadDimensions = "The image length and width do not meet the model restrictions.";

    private const int MaxDataUrlBytes = 10_485_760;

    public static EmulatedImage? Inspect(string url, out string? problem)
    {
        problem = null;
        if (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("oss://", StringComparison.OrdinalIgnoreCase))
        {
            problem = DownloadFailed;
            return null;
        }

        var comma = url.IndexOf(',', StringComparison.Ordinal);
        if (!url.StartsWith("data:", StringComparison.Ordinal) || comma < 0 || !url.AsSpan(0, comma).Contains("base64", StringComparison.Ordinal))
        {
            problem = InvalidUrl;
            return null;
        }

        if (url.Length > MaxDataUrlBytes)
        {
            problem = TooLarge;
            return null;
        }

        var encoded = System.Text.Encoding.ASCII.GetBytes(url, comma + 1, url.Length - comma - 1);
        var file = new byte[Base64.GetMaxDecodedFromUtf8Length(encoded.Length)];
        if (Base64.DecodeFromUtf8(encoded, file, out _, out var written) != OperationStatus.Done)
        {
            problem = CannotOpen;
            return null;
        }

        return Open(file.AsSpan(0, written).ToArray(), out problem);
    }

    private static EmulatedImage? Open(byte[] file, out string? problem)
    {
        problem = null;
        var pinned = GCHandle.Alloc(file, GCHandleType.Pinned);
        try
        {
            using var data = SKData.Create(pinned.AddrOfPinnedObject(), file.Length);
            using var codec = SKCodec.Create(data);
            var format = codec?.EncodedFormat switch
            {
                SKEncodedImageFormat.Jpeg => "jpeg",
                SKEncodedImageFormat.Png => "png",
                SKEncodedImageFormat.Webp => "webp",
                SKEncodedImageFormat.Gif => "gif",
                _ => null,
            };
            if (codec is null || format is null)
            {
                problem = CannotOpen;
                return null;
            }

            var (width, height) = (codec.Info.Width, codec.Info.Height);
            if (Math.Min(width, height) < 10 || Math.Max(width, height) > 200L * Math.Min(width, height))
            {
                problem = BadDimensions;
                return null;
            }

            return new EmulatedImage(format, width, height, ImageMetadata.IsPresent(file, format), file.Length);
        }
        finally
        {
            pinned.Free();
        }
    }
}

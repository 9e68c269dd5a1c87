using System.Runtime.InteropServices;
using SkiaSharp;

namespace AiChat.Core.Images;

/// <summary>
/// Checks an image part and re-encodes it from its decoded pixels, with SkiaSharp: the format is read from the bytes,
/// the size from the header (before any pixel is decoded, so a small file declaring a huge image costs nothing), then
/// the pixels are decoded, turned upright and encoded afresh, which leaves every metadata block of the original behind.
/// Decoding takes up to width x height x 4 bytes, so it waits for the <see cref="ImageWorkGate"/>: the memory of many
/// concurrent requests stays bounded by the gate's slots, not by their number.
/// </summary>
internal sealed class ImageNormalizer(IOptions<ImageOptions> options, ImageWorkGate gate)
{
    /// <summary>DashScope's limits: each side at least 10 px, the long side at most 200 times the short one.</summary>
    public const int MinSide = 10;

    public const int MaxAspectRatio = 200;

    private const int JpegQuality = 90;

    public async Task<ImageCheck> NormalizeAsync(ImagePart part, CancellationToken cancellationToken)
    {
        if (part.Url is { } url)
        {
            return new ImageCheck(ChatImage.FromUrl(url), null);
        }

        var data = part.Data!;
        var format = ImageSniffer.Sniff(data);
        if (format == ImageFormat.Svg)
        {
            return Refuse(part, "SVG is not accepted: send jpeg, png, webp or gif");
        }

        if (format == ImageFormat.Unknown)
        {
            return Refuse(part, "its bytes are not a jpeg, png, webp or gif image");
        }

        if (Header(part, data, format) is { } refused)
        {
            return refused;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            return Reencode(part, data, format);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Opens the image's header only: its format as the decoder sees it and its declared size.</summary>
    private ImageCheck? Header(ImagePart part, byte[] data, ImageFormat format) =>
        Open(data, codec =>
        {
            if (codec is null || Format(codec.EncodedFormat) != format)
            {
                return Refuse(part, $"it starts as {Name(format)} but a decoder cannot open it");
            }

            var (width, height) = (codec.Info.Width, codec.Info.Height);
            var limits = options.Value;
            if ((long)width * height > limits.MaxImagePixels)
            {
                return new ImageCheck(null, ImageErrors.Invalid(part.Field, $"it declares {width}x{height} pixels, more than the {limits.MaxImagePixels} an image may have") with { Limit = "MAX_IMAGE_PIXELS" });
            }

            if (Math.Min(width, height) < MinSide)
            {
                return Refuse(part, $"it is {width}x{height} pixels; each side must be at least {MinSide}");
            }

            if (Math.Max(width, height) > (long)Math.Min(width, height) * MaxAspectRatio)
            {
                return Refuse(part, $"it is {width}x{height} pixels; the long side may be at most {MaxAspectRatio} times the short one");
            }

            return null;
        });

    private ImageCheck Reencode(ImagePart part, byte[] data, ImageFormat format)
    {
        var (target, mediaType) = format switch
        {
            ImageFormat.Jpeg => (SKEncodedImageFormat.Jpeg, "image/jpeg"),
            ImageFormat.Webp => (SKEncodedImageFormat.Webp, "image/webp"),
            _ => (SKEncodedImageFormat.Png, "image/png"),
        };
        using var encoded = new SKDynamicMemoryWStream();
        var (width, height, refusal) = Open(data, codec => DecodeAndEncode(codec!, format, target, encoded));
        if ((long)width * height * 4 >= TrimAfterPixelBytes)
        {
            NativeHeap.Trim();
        }

        if (refusal is not null)
        {
            return Refuse(part, refusal);
        }

        if (encoded.BytesWritten > options.Value.MaxImageBytes)
        {
            return Refuse(part, $"re-encoded as {mediaType} it is larger than the {options.Value.MaxImageBytes} bytes an image may have");
        }

        var bytes = GC.AllocateUninitializedArray<byte>(encoded.BytesWritten);
        encoded.CopyTo(bytes.AsSpan());
        return new ImageCheck(new ChatImage(mediaType, width, height, bytes), null);
    }

    /// <summary>
    /// Decodes the pixels, turns them upright (<see cref="ImageOrientation"/>) and encodes them into
    /// <paramref name="output"/>; the pixels are freed before this returns, so they and the bytes copied out of
    /// <paramref name="output"/> are never held at once. The size is the upright one; a refusal says why not.
    /// </summary>
    private static (int Width, int Height, string? Refusal) DecodeAndEncode(SKCodec codec, ImageFormat format, SKEncodedImageFormat target, SKWStream output)
    {
        var info = codec.Info.WithColorType(SKColorType.Rgba8888).WithAlphaType(format == ImageFormat.Jpeg ? SKAlphaType.Opaque : SKAlphaType.Premul);
        SKBitmap? bitmap = new();
        try
        {
            if (!bitmap.TryAllocPixels(info))
            {
                return (0, 0, TooLargeToDecode);
            }

            var decoded = codec.GetPixels(info, bitmap.GetPixels());
            if (decoded != SKCodecResult.Success)
            {
                return (0, 0, decoded == SKCodecResult.IncompleteInput ? "the file is truncated" : "its pixels cannot be decoded");
            }

            if (ImageOrientation.NeedsTurning(codec.EncodedOrigin))
            {
                var stored = bitmap;
                bitmap = ImageOrientation.Upright(stored, codec.EncodedOrigin);
                stored.Dispose();
                if (bitmap is null)
                {
                    return (0, 0, TooLargeToDecode);
                }
            }

            return bitmap.Encode(output, target, JpegQuality) ? (bitmap.Width, bitmap.Height, null) : (0, 0, "it cannot be re-encoded");
        }
        finally
        {
            bitmap?.Dispose();
        }
    }

    private const string TooLargeToDecode = "it is too large to decode";

    /// <summary>
    /// Pixels from 16 MiB (4 megapixels) up are given back to the system once freed (<see cref="NativeHeap"/>): what
    /// glibc would keep of them matters, and a trim (milliseconds: it walks every heap) is small beside their decoding.
    /// </summary>
    private const long TrimAfterPixelBytes = 16 * 1024 * 1024;

    /// <summary>Runs <paramref name="use"/> on a codec over the bytes in place (pinned, not copied); null when no decoder opens them.</summary>
    private static T Open<T>(byte[] data, Func<SKCodec?, T> use)
    {
        var pinned = GCHandle.Alloc(data, GCHandleType.Pinned);
        try
        {
            using var skData = SKData.Create(pinned.AddrOfPinnedObject(), data.Length);
            using var codec = SKCodec.Create(skData);
            return use(codec);
        }
        finally
        {
            pinned.Free();
        }
    }

    private static ImageFormat Format(SKEncodedImageFormat format) => format switch
    {
        SKEncodedImageFormat.Jpeg => ImageFormat.Jpeg,
        SKEncodedImageFormat.Png => ImageFormat.Png,
        SKEncodedImageFormat.Webp => ImageFormat.Webp,
        SKEncodedImageFormat.Gif => ImageFormat.Gif,
        _ => ImageFormat.Unknown,
    };

    private static string Name(ImageFormat format) => format.ToString().ToLowerInvariant();

    private static ImageCheck Refuse(ImagePart part, string why) => new(null, ImageErrors.Invalid(part.Field, why));
}

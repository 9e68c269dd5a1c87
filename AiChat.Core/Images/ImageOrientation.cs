using SkiaSharp;

namespace AiChat.Core.Images;

/// <summary>
/// The EXIF orientation of a photo applied to its pixels: a phone stores a portrait photo as a landscape one with a
/// tag saying how to turn it, and the re-encoded image carries no metadata, so it is turned before it is encoded.
/// </summary>
internal static class ImageOrientation
{
    /// <summary>Whether the decoded pixels must be turned or mirrored to show the picture upright.</summary>
    public static bool NeedsTurning(SKEncodedOrigin origin) => origin is not (SKEncodedOrigin.TopLeft or SKEncodedOrigin.Default);

    /// <summary>The pixels drawn upright into a new bitmap (width and height swapped for a quarter turn); null when it cannot be allocated.</summary>
    public static SKBitmap? Upright(SKBitmap decoded, SKEncodedOrigin origin)
    {
        var (w, h) = (decoded.Width, decoded.Height);
        var swaps = origin >= SKEncodedOrigin.LeftTop;
        var upright = new SKBitmap();
        if (!upright.TryAllocPixels(decoded.Info.WithSize(swaps ? h : w, swaps ? w : h)))
        {
            upright.Dispose();
            return null;
        }

        using var canvas = new SKCanvas(upright);
        canvas.SetMatrix(Matrix(origin, w, h));
        canvas.DrawBitmap(decoded, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        return upright;
    }

    /// <summary>Where each stored pixel (x, y) of a <paramref name="w"/> x <paramref name="h"/> image goes to be shown upright (EXIF orientations 2 to 8).</summary>
    private static SKMatrix Matrix(SKEncodedOrigin origin, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        _ => SKMatrix.Identity,
    };
}

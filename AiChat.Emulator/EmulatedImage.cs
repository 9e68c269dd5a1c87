namespace AiChat.Emulator;

/// <summary>An image as the emulator received it, for its reply and for tests to assert what arrived.</summary>
/// <param name="Format"><c>jpeg</c>, <c>png</c>, <c>webp</c> or <c>gif</c>.</param>
/// <param name="HasMetadata">Whether the file carried a metadata block (EXIF, XMP, text chunks).</param>
/// <param name="Bytes">The decoded size of the file.</param>
public sealed record EmulatedImage(string Format, int Width, int Height, bool HasMetadata, int Bytes)
{
    /// <summary>
    /// DashScope's rule for Qwen3-VL: one token per 32x32 pixels, each side rounded up to a multiple of 32, at most
    /// <see cref="MaxTokens"/> (the image is scaled down past it), plus 2, and at least 4.
    /// </summary>
    public int Tokens
    {
        get
        {
            var tiles = (long)((Width + 31) / 32) * ((Height + 31) / 32);
            return (int)Math.Max(4, Math.Min(tiles, MaxTokens) + 2);
        }
    }

    public const int MaxTokens = 2560;

    public override string ToString() => $"{Format} {Width}x{Height} {(HasMetadata ? "with-metadata" : "no-metadata")}";
}

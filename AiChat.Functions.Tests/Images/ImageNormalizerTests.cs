using AiChat.Core.Images;
using SkiaSharp;

namespace AiChat.Functions.Tests.Images;

public sealed class ImageNormalizerTests : IDisposable
{
    private readonly ImageWorkGate _gate = new();
    private readonly ImageNormalizer _normalizer;

    public ImageNormalizerTests() => _normalizer = new(Options.Create(new ImageOptions()), _gate);

    public void Dispose() => _gate.Dispose();

    [Theory]
    [InlineData(SKEncodedImageFormat.Png, "image/png", 40, 30)]
    [InlineData(SKEncodedImageFormat.Jpeg, "image/jpeg", 64, 48)]
    public async Task A_png_or_jpeg_is_reencoded_in_its_own_format_with_its_dimensions(SKEncodedImageFormat format, string mediaType, int width, int height)
    {
        var check = await NormalizeAsync(TestImages.Encode(width, height, format));

        Assert.True(check.IsValid);
        Assert.Equal((mediaType, width, height), (check.Image.MediaType, check.Image.Width, check.Image.Height));
        Assert.Equal(Enum.Parse<ImageFormat>(format.ToString()), ImageSniffer.Sniff(check.Image.Data));
    }

    [Fact]
    public async Task A_webp_stays_webp()
    {
        var check = await NormalizeAsync(TestImages.Webp(50, 20));

        Assert.True(check.IsValid);
        Assert.Equal(("image/webp", 50, 20), (check.Image.MediaType, check.Image.Width, check.Image.Height));
    }

    [Fact]
    public async Task The_exif_gps_block_of_a_jpeg_does_not_survive_reencoding()
    {
        var original = TestImages.JpegWithGps(64, 48);
        Assert.True(original.AsSpan().IndexOf(TestImages.GpsMarker) >= 0);

        var check = await NormalizeAsync(original);

        Assert.True(check.IsValid);
        Assert.True(check.Image.Data.AsSpan().IndexOf(TestImages.GpsMarker) < 0);
        Assert.True(check.Image.Data.AsSpan().IndexOf("Exif\0\0"u8) < 0);
    }

    [Fact]
    public async Task A_photo_stored_turned_is_reencoded_upright()
    {
        var check = await NormalizeAsync(TestImages.JpegWithOrientation(80, 40, orientation: 6));

        Assert.True(check.IsValid);
        Assert.Equal((40, 80), (check.Image.Width, check.Image.Height));
        using var upright = SKBitmap.Decode(check.Image.Data);
        Assert.Equal((40, 80), (upright.Width, upright.Height));
        // Turned a quarter clockwise, the stored top-left quarter (orange-red) is the top-right one.
        Assert.True(IsOrangeRed(upright.GetPixel(30, 10)), $"top right is {upright.GetPixel(30, 10)}");
        Assert.False(IsOrangeRed(upright.GetPixel(10, 10)), $"top left is {upright.GetPixel(10, 10)}");
        Assert.False(IsOrangeRed(upright.GetPixel(30, 70)), $"bottom right is {upright.GetPixel(30, 70)}");
    }

    [Fact]
    public async Task What_follows_a_png_in_a_polyglot_file_does_not_leave()
    {
        var check = await NormalizeAsync(TestImages.PngZipPolyglot());

        Assert.True(check.IsValid);
        Assert.True(check.Image.Data.AsSpan().IndexOf("secret-archive-payload"u8) < 0);
    }

    [Fact]
    public async Task A_header_declaring_100000_by_100000_is_refused_at_once_without_decoding()
    {
        var bomb = TestImages.PngDeclaring(100_000, 100_000);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();

        var check = await NormalizeAsync(bomb);

        Assert.False(check.IsValid);
        Assert.Contains("100000x100000", check.Error.Message, StringComparison.Ordinal);
        Assert.Equal("MAX_IMAGE_PIXELS", check.Error.Limit);
        Assert.True(clock.ElapsedMilliseconds < 1000, $"took {clock.ElapsedMilliseconds} ms");
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1024 * 1024);
    }

    [Theory]
    [InlineData(9, 100, "at least 10")]
    [InlineData(100, 9, "at least 10")]
    [InlineData(2010, 10, "200 times")]
    public async Task Dimensions_outside_dashscope_limits_are_refused(int width, int height, string why)
    {
        var check = await NormalizeAsync(TestImages.Png(width, height));

        Assert.False(check.IsValid);
        Assert.Equal("invalid_image", check.Error.Code);
        Assert.Contains(why, check.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_aspect_ratio_of_exactly_200_passes()
    {
        Assert.True((await NormalizeAsync(TestImages.Png(2000, 10))).IsValid);
    }

    [Fact]
    public async Task A_truncated_jpeg_is_refused()
    {
        var check = await NormalizeAsync(TestImages.Truncated(TestImages.Jpeg(200, 200)));

        Assert.False(check.IsValid);
        Assert.Equal("messages[0].content[1]", check.Error.Field);
    }

    [Fact]
    public async Task A_png_cut_inside_its_header_is_refused()
    {
        var check = await NormalizeAsync(TestImages.Png(200, 200)[..20]);

        Assert.False(check.IsValid);
        Assert.Contains("cannot open", check.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_svg_is_refused_by_name()
    {
        var check = await NormalizeAsync(TestImages.Svg());

        Assert.False(check.IsValid);
        Assert.Contains("SVG", check.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gif_header_followed_by_script_is_not_an_image()
    {
        var check = await NormalizeAsync(TestImages.GifScriptPolyglot());

        Assert.False(check.IsValid);
        Assert.Equal("invalid_image", check.Error.Code);
    }

    [Fact]
    public async Task Text_is_not_an_image()
    {
        var check = await NormalizeAsync("hello, this is not an image"u8.ToArray());

        Assert.False(check.IsValid);
        Assert.Contains("not a jpeg, png, webp or gif", check.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pixel_cap_is_the_setting()
    {
        var normalizer = new ImageNormalizer(Options.Create(new ImageOptions { MaxImagePixels = 1000 }), _gate);

        var check = await normalizer.NormalizeAsync(new ImagePart(0, "images[0]", TestImages.Png(40, 30)), CancellationToken.None);

        Assert.False(check.IsValid);
        Assert.Equal("images[0]", check.Error.Field);
    }

    private static bool IsOrangeRed(SKColor color) => color.Red > 200 && color.Blue < 60;

    private Task<ImageCheck> NormalizeAsync(byte[] data) =>
        _normalizer.NormalizeAsync(new ImagePart(0, "messages[0].content[1]", data), CancellationToken.None);
}

using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using SkiaSharp;

namespace AiChat.Functions.Tests.Images;

/// <summary>Images made by the tests: real encodings from SkiaSharp, and hand-built hostile files.</summary>
public static class TestImages
{
    public static byte[] Png(int width, int height) => Encode(width, height, SKEncodedImageFormat.Png);

    public static byte[] Jpeg(int width, int height) => Encode(width, height, SKEncodedImageFormat.Jpeg);

    public static byte[] Webp(int width, int height) => Encode(width, height, SKEncodedImageFormat.Webp);

    /// <summary>The GPS latitude reference the EXIF block of <see cref="JpegWithGps"/> holds, to search the output for.</summary>
    public static readonly byte[] GpsMarker = "AICHAT-GPS-51.5N"u8.ToArray();

    /// <summary>A JPEG with an EXIF APP1 segment right after SOI: IFD0 pointing at a GPS IFD holding a latitude reference.</summary>
    public static byte[] JpegWithGps(int width, int height) => WithExif(
        Jpeg(width, height),
        [
            // IFD0 at 8: GPSInfo (0x8825, LONG) -> offset 26.
            .. OneEntryIfd(0x8825, 4, 1, LittleEndian(26u)),
            // GPS IFD at 26: GPSLatitudeRef (ASCII) pointing at the marker at offset 44.
            .. OneEntryIfd(1, 2, (uint)GpsMarker.Length, LittleEndian(44u)),
            .. GpsMarker,
        ]);

    /// <summary>
    /// A JPEG as a phone stores a turned photo: <paramref name="width"/> x <paramref name="height"/> pixels (orange-red
    /// top-left quarter on steel blue) and an EXIF APP1 segment whose Orientation tag is <paramref name="orientation"/>
    /// (6: turn 90 degrees clockwise to show it).
    /// </summary>
    public static byte[] JpegWithOrientation(int width, int height, ushort orientation) => WithExif(
        Jpeg(width, height),
        // IFD0 at 8: Orientation (0x0112, SHORT, count 1, the value inline).
        OneEntryIfd(0x0112, 3, 1, [.. LittleEndian16(orientation), .. LittleEndian16(0)]));

    /// <summary>A valid PNG (checksums right) whose header declares <paramref name="width"/> x <paramref name="height"/>, with a few bytes of pixel data.</summary>
    public static byte[] PngDeclaring(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 6;
        byte[] idat = [0x78, 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01];
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Chunk("IHDR", header), .. Chunk("IDAT", idat), .. Chunk("IEND", [])];
    }

    public static byte[] Truncated(byte[] image) => image[..(image.Length * 2 / 3)];

    /// <summary>A GIF header followed by script text: a file that claims to be an image and a script at once.</summary>
    public static byte[] GifScriptPolyglot() => "GIF89a/*\x00\x00*/=1;alert(document.cookie);//"u8.ToArray();

    /// <summary>A PNG with a ZIP archive after its end: the image opens, and what follows must not leave.</summary>
    public static byte[] PngZipPolyglot() => [.. Png(32, 32), .. "PK\x03\x04secret-archive-payload"u8.ToArray()];

    public static byte[] Svg() => """<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><script>alert(1)</script></svg>"""u8.ToArray();

    public static string DataUrl(byte[] bytes, string mediaType = "image/png") => $"data:{mediaType};base64,{Convert.ToBase64String(bytes)}";

    /// <summary>A JPEG of about <paramref name="bytes"/> bytes: random pixels compress badly (about 1.02 bytes a pixel at quality 95), so the size follows the pixel count.</summary>
    public static byte[] NoisyJpeg(int bytes)
    {
        var side = (int)Math.Sqrt(bytes / 1.02);
        var info = new SKImageInfo(side, side, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var bitmap = new SKBitmap(info);
        var random = new Random(7);
        var pixels = new byte[info.BytesSize];
        random.NextBytes(pixels);
        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 95);
        return data.ToArray();
    }

    public static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.SteelBlue);
        using var paint = new SKPaint { Color = SKColors.OrangeRed };
        canvas.DrawRect(0, 0, width / 2f, height / 2f, paint);
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary><paramref name="jpeg"/> with an EXIF APP1 segment right after SOI: a little-endian TIFF header, then <paramref name="ifds"/> from offset 8.</summary>
    private static byte[] WithExif(byte[] jpeg, byte[] ifds)
    {
        byte[] payload = [.. "Exif\0\0"u8, .. "II*\0"u8, .. LittleEndian(8u), .. ifds];
        return [.. jpeg[..2], 0xFF, 0xE1, .. BigEndian((ushort)(payload.Length + 2)), .. payload, .. jpeg[2..]];
    }

    /// <summary>An IFD of one entry (tag, type, count, a 4-byte value or offset) and no next IFD: 18 bytes.</summary>
    private static byte[] OneEntryIfd(ushort tag, ushort type, uint count, byte[] value) =>
        [.. LittleEndian16(1), .. LittleEndian16(tag), .. LittleEndian16(type), .. LittleEndian(count), .. value, .. LittleEndian(0u)];

    private static byte[] Chunk(string type, byte[] data)
    {
        var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        return [.. BigEndian((uint)data.Length), .. typed, .. BigEndian(Crc32.HashToUInt32(typed))];
    }

    private static byte[] BigEndian(uint value) => Written(4, value, BinaryPrimitives.WriteUInt32BigEndian);

    private static byte[] BigEndian(ushort value) => Written(2, value, BinaryPrimitives.WriteUInt16BigEndian);

    private static byte[] LittleEndian(uint value) => Written(4, value, BinaryPrimitives.WriteUInt32LittleEndian);

    private static byte[] LittleEndian16(ushort value) => Written(2, value, BinaryPrimitives.WriteUInt16LittleEndian);

    private static byte[] Written<T>(int size, T value, SpanAction<byte, T> write)
    {
        var bytes = new byte[size];
        write(bytes, value);
        return bytes;
    }
}

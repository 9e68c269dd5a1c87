namespace AiChat.Emulator;

/// <summary>Whether an image file carries a metadata block: JPEG APP1 (EXIF, XMP) or APP13, PNG eXIf and text chunks, WebP EXIF and XMP chunks.</summary>
internal static class ImageMetadata
{
    public static bool IsPresent(ReadOnlySpan<byte> file, string format) => format switch
    {
        "jpeg" => JpegHasMetadata(file),
        "png" => PngHasMetadata(file),
        "webp" => file.IndexOf("EXIF"u8) >= 0 || file.IndexOf("XMP "u8) >= 0,
        _ => false,
    };

    private static bool JpegHasMetadata(ReadOnlySpan<byte> file)
    {
        var at = 2;
        while (at + 4 <= file.Length && file[at] == 0xFF)
        {
            var marker = file[at + 1];
            if (marker is 0xDA or 0xD9)
            {
                return false;
            }

            if (marker is 0xE1 or 0xED)
            {
                return true;
            }

            at += 2 + ((file[at + 2] << 8) | file[at + 3]);
        }

        return false;
    }

    private static bool PngHasMetadata(ReadOnlySpan<byte> file)
    {
        var at = 8;
        while (at + 8 <= file.Length)
        {
            var length = (file[at] << 24) | (file[at + 1] << 16) | (file[at + 2] << 8) | file[at + 3];
            var type = file.Slice(at + 4, 4);
            if (type.SequenceEqual("eXIf"u8) || type.SequenceEqual("tEXt"u8) || type.SequenceEqual("iTXt"u8) || type.SequenceEqual("zTXt"u8))
            {
                return true;
            }

            if (length < 0 || type.SequenceEqual("IEND"u8))
            {
                return false;
            }

            at += 12 + length;
        }

        return false;
    }
}

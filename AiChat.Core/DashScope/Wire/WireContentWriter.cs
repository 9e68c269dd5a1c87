using System.Buffers.Text;
using AiChat.Core.Images;

namespace AiChat.Core.DashScope.Wire;

/// <summary>Writes <see cref="WireContent"/>; an image's data URL is written in base64 segments from its bytes, never built whole.</summary>
internal sealed class WireContentWriter : JsonConverter<WireContent>
{
    public override WireContent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Request content is only written.");

    public override void Write(Utf8JsonWriter writer, WireContent value, JsonSerializerOptions options)
    {
        var native = value.Shape == WireContentShape.NativeParts;
        if (value.Images is null && !native)
        {
            writer.WriteStringValue(value.Text);
            return;
        }

        writer.WriteStartArray();
        foreach (var image in value.Images ?? [])
        {
            writer.WriteStartObject();
            if (native)
            {
                writer.WritePropertyName("image"u8);
                WriteUrl(writer, image);
            }
            else
            {
                writer.WriteString("type"u8, "image_url"u8);
                writer.WriteStartObject("image_url"u8);
                writer.WritePropertyName("url"u8);
                WriteUrl(writer, image);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        if (value.Text.Length > 0)
        {
            writer.WriteStartObject();
            if (!native)
            {
                writer.WriteString("type"u8, "text"u8);
            }

            writer.WriteString("text"u8, value.Text);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteUrl(Utf8JsonWriter writer, ChatImage image)
    {
        if (image.Url is { } url)
        {
            writer.WriteStringValue(url);
            return;
        }

        // Written in segments straight from the image's bytes: no data URL is ever built whole, as a string or an array.
        writer.WriteStringValueSegment(Encoding.UTF8.GetBytes($"data:{image.MediaType};base64,"), isFinalSegment: false);
        Span<byte> base64 = stackalloc byte[SegmentBytes / 3 * 4];
        var data = image.Data.AsSpan();
        do
        {
            var segment = data[..Math.Min(SegmentBytes, data.Length)];
            data = data[segment.Length..];
            Base64.EncodeToUtf8(segment, base64, out _, out var written);
            writer.WriteStringValueSegment(base64[..written], isFinalSegment: data.IsEmpty);
        }
        while (!data.IsEmpty);
    }

    /// <summary>The image bytes base64-encoded per segment: a multiple of 3, so no segment but the last is padded.</summary>
    private const int SegmentBytes = 3 * 1024;
}

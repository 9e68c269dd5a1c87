using System.Text.Json;
using System.Text.Json.Serialization;
using AiChat.Core.Images;

namespace AiChat.Core.DashScope.Wire;

/// <summary>Writes <see cref="WireContent"/>; a data URL is written as it is (base64 needs no escaping), never through a string.</summary>
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

        writer.WriteRawValue(image.DataUrlUtf8(quoted: true), skipInputValidation: true);
    }
}

using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace AiChat.Core.Images;

/// <summary>
/// Reads the image parts of one request as its parser meets them: a message content that is a string or an array of
/// OpenAI content parts, or a bare image URL. What can be checked without decoding the image is checked here (the
/// count, the model, the URL's scheme, the base64, the byte cap), the rest by <see cref="ImageNormalizer"/>.
/// </summary>
internal sealed class ImagePartReader(ImageOptions options, ModelInfo model)
{
    private readonly List<ImagePart> _parts = [];

    public IReadOnlyList<ImagePart> Parts => _parts;

    public const string PartShapes = "a string, or an array of parts: {\"type\": \"text\", \"text\": \"...\"} or {\"type\": \"image_url\", \"image_url\": {\"url\": \"data:image/png;base64,...\"}}";

    /// <summary>A message whose <c>content</c> is a string, or text parts (joined) and image parts: a <see cref="ChatMessageReader"/>.</summary>
    /// <param name="index">The index of the message.</param>
    /// <param name="field">The message's path, e.g. <c>messages[0]</c>.</param>
    public bool TryReadMessage(JsonElement message, int index, string field, string role, [NotNullWhen(true)] out ChatMessage? read, [NotNullWhen(false)] out ApiError? error)
    {
        read = null;
        error = null;
        var content = ChatFieldRules.Member(message, "content");
        if (content is { ValueKind: JsonValueKind.String })
        {
            read = new ChatMessage(role, content.Value.GetString()!);
            return true;
        }

        if (content is not { ValueKind: JsonValueKind.Array } parts)
        {
            return ChatFieldRules.Refuse($"{field}.content", $"{field}.content must be {PartShapes}.", out error);
        }

        var joined = new StringBuilder();
        var partIndex = 0;
        foreach (var part in parts.EnumerateArray())
        {
            var partField = $"{field}.content[{partIndex++}]";
            if (part.ValueKind != JsonValueKind.Object || ChatFieldRules.Member(part, "type") is not { ValueKind: JsonValueKind.String } type)
            {
                return ChatFieldRules.Refuse(partField, $"{partField} must be a text part or an image_url part.", out error);
            }

            if (type.ValueEquals("text"u8) && ChatFieldRules.Member(part, "text") is { ValueKind: JsonValueKind.String } partText)
            {
                joined.Append(partText.GetString());
            }
            else if (type.ValueEquals("image_url"u8) && ImageUrl(part) is { } url)
            {
                if (!TryReadImage(url, index, partField, out error))
                {
                    return false;
                }
            }
            else
            {
                return ChatFieldRules.Refuse(partField,
                    $"{partField} must be {{\"type\": \"text\", \"text\": \"...\"}} or {{\"type\": \"image_url\", \"image_url\": {{\"url\": \"...\"}}}}.", out error);
            }
        }

        read = new ChatMessage(role, joined.ToString());
        return true;
    }

    /// <summary>One image URL: a <c>data:</c> URL whose bytes are taken, or with ALLOW_IMAGE_URLS an http(s) URL passed on.</summary>
    public bool TryReadImage(JsonElement url, int message, string field, [NotNullWhen(false)] out ApiError? error)
    {
        error = null;
        if (_parts.Count >= options.MaxImagesPerRequest)
        {
            error = options.MaxImagesPerRequest == 0 ? ImageErrors.Invalid(field, "this server takes no images (MAX_IMAGES_PER_REQUEST is 0)") : ImageErrors.TooMany(field, options.MaxImagesPerRequest);
            return false;
        }

        if (!model.ImageInput)
        {
            error = ImageErrors.ModelTakesNoImages(field, model.Id);
            return false;
        }

        if (url.ValueKind != JsonValueKind.String)
        {
            error = ImageErrors.Invalid(field, "its URL must be a string");
            return false;
        }

        var raw = JsonMarshal.GetRawUtf8Value(url)[1..^1];
        if (raw.StartsWith("data:"u8))
        {
            if (raw.IndexOf((byte)'\\') < 0)
            {
                return TryReadDataUrl(raw, message, field, out error);
            }

            var unescaped = ArrayPool<byte>.Shared.Rent(raw.Length);
            try
            {
                return TryReadDataUrl(Unescape(url, unescaped), message, field, out error);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(unescaped);
            }
        }

        if (raw.StartsWith("https://"u8) || raw.StartsWith("http://"u8))
        {
            if (!options.AllowImageUrls)
            {
                error = ImageErrors.UrlRefused(field);
                return false;
            }

            if (!Uri.TryCreate(url.GetString(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || raw.Length > MaxUrlLength)
            {
                error = ImageErrors.Invalid(field, $"its URL is not an absolute http(s) URL of at most {MaxUrlLength} characters");
                return false;
            }

            _parts.Add(new ImagePart(message, field, null, uri.AbsoluteUri));
            return true;
        }

        error = ImageErrors.Invalid(field, "its URL must be a data URL, data:image/png;base64,... (jpeg, png, webp or gif)");
        return false;
    }

    private const int MaxUrlLength = 2048;

    /// <summary>
    /// A data URL with JSON escapes in it (a client's serializer may write '+' as <c>\u002B</c> or '/' as <c>\/</c>),
    /// unescaped as UTF-8 bytes into <paramref name="buffer"/>: never as a string, which would take two bytes a character.
    /// </summary>
    private static ReadOnlySpan<byte> Unescape(JsonElement url, byte[] buffer)
    {
        var reader = new Utf8JsonReader(JsonMarshal.GetRawUtf8Value(url));
        reader.Read();
        return buffer.AsSpan(0, reader.CopyString(buffer));
    }

    private bool TryReadDataUrl(ReadOnlySpan<byte> url, int message, string field, [NotNullWhen(false)] out ApiError? error)
    {
        error = null;
        var comma = url.IndexOf((byte)',');
        var header = comma < 0 ? url : url[..comma];
        if (comma < 0 || !header.EndsWith(";base64"u8))
        {
            error = ImageErrors.Invalid(field, "a data URL must be data:<type>;base64,<data>");
            return false;
        }

        if (header.IndexOf("svg"u8) >= 0)
        {
            error = ImageErrors.Invalid(field, "SVG is not accepted: send jpeg, png, webp or gif");
            return false;
        }

        var data = url[(comma + 1)..];
        if ((long)data.Length / 4 * 3 > options.MaxImageBytes + 2)
        {
            error = TooLarge(field);
            return false;
        }

        var padding = data.EndsWith("=="u8) ? 2 : data.EndsWith("="u8) ? 1 : 0;
        if (data.Length == 0 || data.Length % 4 != 0)
        {
            error = NotBase64(field);
            return false;
        }

        var bytes = new byte[data.Length / 4 * 3 - padding];
        if (Base64.DecodeFromUtf8(data, bytes, out _, out var written) != OperationStatus.Done || written != bytes.Length)
        {
            error = NotBase64(field);
            return false;
        }

        if (bytes.Length > options.MaxImageBytes)
        {
            error = TooLarge(field);
            return false;
        }

        _parts.Add(new ImagePart(message, field, bytes));
        return true;
    }

    private ApiError TooLarge(string field) =>
        ImageErrors.Invalid(field, $"it is larger than the {options.MaxImageBytes} bytes an image may have") with { Limit = "MAX_IMAGE_BYTES" };

    private static ApiError NotBase64(string field) => ImageErrors.Invalid(field, "its data is not base64");

    /// <summary><c>image_url</c> as OpenAI's object <c>{"url": ...}</c>, or as the bare string some clients send.</summary>
    private static JsonElement? ImageUrl(JsonElement part) =>
        ChatFieldRules.Member(part, "image_url") switch
        {
            { ValueKind: JsonValueKind.Object } value => ChatFieldRules.Member(value, "url"),
            { ValueKind: JsonValueKind.String } value => value,
            _ => null,
        };
}

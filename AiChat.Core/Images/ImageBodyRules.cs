using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace AiChat.Core.Images;

/// <summary>
/// How the body caps combine: a chat body may be MAX_REQUEST_BODY_BYTES plus room for MAX_IMAGES_PER_REQUEST data URLs
/// (<see cref="ImageOptions.BodyAllowance"/>), and once it is read, what is not an image URL must still fit in
/// MAX_REQUEST_BODY_BYTES, so the text of a request is capped as it was before images. Checked first, before any field.
/// </summary>
internal static class ImageBodyRules
{
    public static bool IsTextWithinCap(JsonElement body, AiChatOptions options, [NotNullWhen(false)] out ApiError? error)
    {
        error = null;
        var length = JsonMarshal.GetRawUtf8Value(body).Length;
        var text = length <= options.MaxRequestBodyBytes ? length : length - UrlBytes(body);
        if (text <= options.MaxRequestBodyBytes)
        {
            return true;
        }

        error = new ApiError(413, "payload_too_large",
            $"The request's text (its body less its image URLs) is {text} bytes, larger than the {options.MaxRequestBodyBytes} bytes this server accepts.")
        { Limit = "MAX_REQUEST_BODY_BYTES" };
        return false;
    }

    /// <summary>The bytes the image URLs take in the body, wherever a chat body may carry one: <c>images[*]</c>, <c>messages[*].content[*].image_url</c>.</summary>
    public static long UrlBytes(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return 0;
        }

        var bytes = 0L;
        if (body.TryGetProperty("images", out var images) && images.ValueKind == JsonValueKind.Array)
        {
            foreach (var url in images.EnumerateArray())
            {
                bytes += Length(url);
            }
        }

        if (body.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array)
        {
            foreach (var message in messages.EnumerateArray())
            {
                if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                foreach (var part in content.EnumerateArray())
                {
                    if (part.ValueKind == JsonValueKind.Object && part.TryGetProperty("image_url", out var imageUrl))
                    {
                        bytes += imageUrl.ValueKind == JsonValueKind.Object && imageUrl.TryGetProperty("url", out var url) ? Length(url) : Length(imageUrl);
                    }
                }
            }
        }

        return bytes;
    }

    private static int Length(JsonElement value) => value.ValueKind == JsonValueKind.String ? JsonMarshal.GetRawUtf8Value(value).Length : 0;
}

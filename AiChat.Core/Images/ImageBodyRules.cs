using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Text.Json;
using AiChat.Core.Api;
using AiChat.Core.Configuration;

namespace AiChat.Core.Images;

/// <summary>
/// How the body caps combine: a chat body may be MAX_REQUEST_BODY_BYTES plus room for MAX_IMAGES_PER_REQUEST data URLs
/// (<see cref="ImageOptions.BodyAllowance"/>), and once it is read, what is not an image URL must still fit in
/// MAX_REQUEST_BODY_BYTES, so the text of a request is capped as it was before images.
/// </summary>
internal static class ImageBodyRules
{
    public static bool IsTextWithinCap(JsonElement body, ImagePartReader images, AiChatOptions options, [NotNullWhen(false)] out ApiError? error)
    {
        error = null;
        var text = JsonMarshal.GetRawUtf8Value(body).Length - images.UrlBytes;
        if (text <= options.MaxRequestBodyBytes)
        {
            return true;
        }

        error = new ApiError(413, "payload_too_large",
            $"The request's text (its body less its image URLs) is {text} bytes, larger than the {options.MaxRequestBodyBytes} bytes this server accepts.")
        { Limit = "MAX_REQUEST_BODY_BYTES" };
        return false;
    }
}

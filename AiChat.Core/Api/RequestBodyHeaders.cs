using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace AiChat.Core.Api;

/// <summary>
/// What a request body's headers must say: JSON (<c>application/json</c> or a <c>+json</c> type), in UTF-8 (RFC 8259
/// requires it, and a declared charset other than UTF-8 is refused rather than guessed at), and not compressed.
/// </summary>
internal static class RequestBodyHeaders
{
    public static ApiError? Refuse(HttpRequest request)
    {
        var contentType = request.ContentType;
        if (contentType is not ("application/json" or "application/json; charset=utf-8"))
        {
            if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType) ||
                !(mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) ||
                  mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase)))
            {
                return new ApiError(415, "unsupported_media_type", "Content-Type must be application/json.");
            }

            if (mediaType.Charset.HasValue && !IsUtf8(HeaderUtilities.RemoveQuotes(mediaType.Charset)))
            {
                return new ApiError(415, "unsupported_charset", "JSON must be sent as UTF-8: leave out the charset, or make it charset=utf-8.");
            }
        }

        return request.Headers.ContentEncoding.Any(coding => !"identity".Equals(coding?.Trim(), StringComparison.OrdinalIgnoreCase))
            ? new ApiError(415, "unsupported_content_encoding", "Request bodies are not decompressed here: send the JSON without a Content-Encoding.")
            : null;
    }

    private static bool IsUtf8(StringSegment charset) =>
        charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
}

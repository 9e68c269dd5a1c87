using System.Net.Http.Headers;
using System.Text.Json.Serialization.Metadata;

namespace AiChat.Core.DashScope;

/// <summary>
/// A request body serialized up front, so it goes with a Content-Length in the same write as the headers. A
/// <c>JsonContent</c> streams it chunked instead: a second write for the closing chunk, and DashScope cannot start
/// on the turn until that arrives. A body with images is counted up front and serialized as it is sent (<see cref="ImageRequestContent{T}"/>).
/// </summary>
internal static class JsonBody
{
    public static HttpContent Create<T>(T body, JsonTypeInfo<T> typeInfo, IReadOnlyList<ChatMessage> messages)
    {
        if (HasImages(messages))
        {
            return new ImageRequestContent<T>(body, typeInfo);
        }

        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, typeInfo));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json", "utf-8");
        return content;
    }

    private static bool HasImages(IReadOnlyList<ChatMessage> messages)
    {
        foreach (var message in messages)
        {
            if (message.Images is not null)
            {
                return true;
            }
        }

        return false;
    }
}

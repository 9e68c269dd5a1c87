using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AiChat.Core.DashScope;

/// <summary>
/// A request body serialized up front, so it goes with a Content-Length in the same write as the headers. A
/// <c>JsonContent</c> streams it chunked instead: a second write for the closing chunk, and DashScope cannot start
/// on the turn until that arrives.
/// </summary>
internal static class JsonBody
{
    public static ByteArrayContent Create<T>(T body, JsonTypeInfo<T> typeInfo)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, typeInfo));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json", "utf-8");
        return content;
    }
}

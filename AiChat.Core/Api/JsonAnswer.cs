using System.Text.Json.Serialization.Metadata;
using AiChat.Core.Streaming;

namespace AiChat.Core.Api;

/// <summary>
/// A 200 with a JSON body in the API's encoding (<see cref="SseJson.Options"/>: UTF-8 text as is), serialized by the
/// source generator's fast path straight into the response. <c>TypedResults.Json</c> with that encoder in its serializer
/// options would run the generator's slower metadata path instead: the fast path needs the options' encoder left at
/// its default, so here the encoder is the writer's.
/// </summary>
internal sealed class JsonAnswer<T>(T value, JsonTypeInfo<T> type) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        var json = SseJson.Start(httpContext.Response.BodyWriter);
        JsonSerializer.Serialize(json, value, type);
        json.Flush();
        return Task.CompletedTask;
    }
}

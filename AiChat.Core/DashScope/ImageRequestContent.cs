using System.Net;
using System.Net.Http.Headers;
using System.Text.Encodings.Web;
using System.Text.Json.Serialization.Metadata;

namespace AiChat.Core.DashScope;

/// <summary>
/// A request body with images (megabytes of base64), never held whole between sends: its length is counted up front
/// by serializing it once into nothing (so it still goes with a Content-Length), and it is serialized again, into
/// pooled chunks written out and returned at once, each time it is sent (so it can be sent again, as the key
/// handler's retry needs). While DashScope works on the turn, the body takes no memory; the images it is made from
/// are held by the request anyway.
/// </summary>
internal sealed class ImageRequestContent<T> : HttpContent
{
    private readonly T _body;
    private readonly JsonTypeInfo<T> _typeInfo;
    private readonly long _length;

    public ImageRequestContent(T body, JsonTypeInfo<T> typeInfo)
    {
        (_body, _typeInfo) = (body, typeInfo);
        Headers.ContentType = new MediaTypeHeaderValue("application/json", "utf-8");
        using var counter = new PooledChunkWriter(keep: false);
        Serialize(counter);
        _length = counter.Length;
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        using var chunks = new PooledChunkWriter(keep: true);
        Serialize(chunks);
        foreach (var chunk in chunks.Chunks)
        {
            await stream.WriteAsync(chunk, cancellationToken);
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }

    /// <summary>
    /// Base64 and text go unescaped (<see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/> escapes what JSON
    /// needs, and this JSON is never embedded in a page), so an image's '+' and '/' take one byte each.
    /// </summary>
    private void Serialize(PooledChunkWriter output)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        JsonSerializer.Serialize(writer, _body, _typeInfo);
    }
}

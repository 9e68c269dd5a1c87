using System.Buffers;
using System.Net.ServerSentEvents;

namespace AiChat.Core.Streaming;

/// <summary>
/// How one stream surface looks on the wire: what each event of the turn becomes (none, one or more SSE items),
/// how an item's data is written, and how a failure before the stream started is answered in the surface's envelope.
/// A failure after the start reaches <see cref="Translate"/> as a <see cref="StreamErrorEvent"/>.
/// </summary>
/// <typeparam name="T">What one SSE item carries until <see cref="WriteData"/> writes it.</typeparam>
internal interface IChatStreamFormat<T>
{
    /// <summary>Adds the items <paramref name="turnEvent"/> becomes to <paramref name="items"/>.</summary>
    void Translate(ChatStreamEvent turnEvent, List<SseItem<T>> items);

    void WriteData(SseItem<T> item, IBufferWriter<byte> output);

    Task WriteErrorAsync(HttpContext context, ApiError error);
}

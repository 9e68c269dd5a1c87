using System.Buffers;
using System.Net.ServerSentEvents;
using AiChat.Core.Api;
using AiChat.Core.Chat;

namespace AiChat.Core.Streaming;

/// <summary>
/// How one kind of stream endpoint looks on the wire. <see cref="ChatStreamResponder"/> drives the upstream
/// stream and asks the format for the events to send; each endpoint dialect is one format over the same pipeline.
/// </summary>
public interface IChatStreamFormat<TFrame>
{
    IEnumerable<SseItem<TFrame>> OnStarted();

    /// <returns>The event for this delta, or null when it has nothing to show in this format.</returns>
    SseItem<TFrame>? OnDelta(ChatDelta delta);

    IEnumerable<SseItem<TFrame>> OnFailed(ApiError failure);

    IEnumerable<SseItem<TFrame>> OnCompleted();

    /// <summary>Writes one event's data field.</summary>
    void WriteData(SseItem<TFrame> item, IBufferWriter<byte> output);
}

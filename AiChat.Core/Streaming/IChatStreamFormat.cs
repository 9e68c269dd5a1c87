using System.Buffers;
using System.Net.ServerSentEvents;

namespace AiChat.Core.Streaming;

/// <summary>
/// How one stream endpoint's dialect looks on the wire. <see cref="ChatStreamResponder"/> drives the one event
/// pipeline (<see cref="StreamChatService"/>) and asks the format what each event becomes: none, one or more SSE
/// events. An item whose data is null is the dialect's end marker.
/// </summary>
internal interface IChatStreamFormat
{
    IEnumerable<SseItem<ChatStreamEvent?>> Translate(ChatStreamEvent streamEvent);

    void WriteData(SseItem<ChatStreamEvent?> item, IBufferWriter<byte> output);
}

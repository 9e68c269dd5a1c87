using System.Buffers;
using System.IO.Pipelines;
using System.Net.ServerSentEvents;

namespace AiChat.Core.Streaming;

/// <summary>
/// Writes an SSE item straight into the response's pipe: <c>event:</c> when the item names a type, <c>data:</c> with
/// what the format writes, then the blank line. Unlike <see cref="SseFormatter"/>, which formats each event into
/// buffers of its own and copies it out, nothing is held between events, so an open stream that waits on the model
/// keeps no buffer (bench/RESULTS.md, open streams). A format's data is one line (compact JSON or <c>[DONE]</c>).
/// </summary>
internal static class SseEventWriter
{
    private const string DefaultEventType = "message";

    public static void Write<T>(PipeWriter output, SseItem<T> item, IChatStreamFormat<T> format)
    {
        if (item.EventType is not DefaultEventType)
        {
            output.Write("event: "u8);
            Encoding.UTF8.GetBytes(item.EventType, output);
            output.Write("\n"u8);
        }

        output.Write("data: "u8);
        format.WriteData(item, output);
        output.Write("\n\n"u8);
    }
}

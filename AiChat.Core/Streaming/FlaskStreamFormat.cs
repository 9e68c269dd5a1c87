using System.Buffers;
using System.Net.ServerSentEvents;

namespace AiChat.Core.Streaming;

/// <summary>
/// The Flask seed's stream: <c>data: {"content": ..., "finish_reason": ...}</c> per chunk, the finish reason on a
/// last empty chunk, then <c>data: [DONE]</c>. A failure is one <c>data: {"error", "code", "status"}</c> before [DONE].
/// A thinking model's reasoning comes first, as frames with an empty <c>content</c> and the text in
/// <c>reasoning_content</c>, so a seed frontend that reads only <c>content</c> sees nothing of it.
/// </summary>
internal sealed class FlaskStreamFormat : IChatStreamFormat<ChatStreamEvent?>
{
    public static readonly FlaskStreamFormat Instance = new();

    private static readonly SseItem<ChatStreamEvent?> Done = new(null);

    public void Translate(ChatStreamEvent turnEvent, List<SseItem<ChatStreamEvent?>> items)
    {
        switch (turnEvent)
        {
            case StreamChunkEvent or StreamReasoningEvent:
                items.Add(new(turnEvent));
                break;
            case StreamEndEvent or StreamErrorEvent:
                items.Add(new(turnEvent));
                items.Add(Done);
                break;
        }
    }

    public void WriteData(SseItem<ChatStreamEvent?> item, IBufferWriter<byte> output)
    {
        if (item.Data is null)
        {
            output.Write("[DONE]"u8);
            return;
        }

        var json = SseJson.Start(output);
        json.WriteStartObject();
        switch (item.Data)
        {
            case StreamChunkEvent chunk:
                json.WriteString("content", chunk.Chunk);
                json.WriteNull("finish_reason");
                break;
            case StreamReasoningEvent reasoning:
                json.WriteString("content", "");
                json.WriteString("reasoning_content", reasoning.Chunk);
                json.WriteNull("finish_reason");
                break;
            case StreamEndEvent end:
                json.WriteString("content", "");
                json.WriteString("finish_reason", end.FinishReason);
                break;
            case StreamErrorEvent failure:
                SseJson.WriteError(json, failure.Error);
                break;
        }

        json.WriteEndObject();
        json.Flush();
    }

    public Task WriteErrorAsync(HttpContext context, ApiError error) => ApiErrorWriter.WriteAsync(context, error);
}

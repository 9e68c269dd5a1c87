using System.Buffers;
using System.Net.ServerSentEvents;
using AiChat.Core.Streaming;

namespace AiChat.Core.OpenAI;

/// <summary>
/// OpenAI's stream, for one request: a <c>chat.completion.chunk</c> per upstream delta that carries something (the
/// first always, with the role), tool calls relayed as OpenAI clients put them together, the usage chunk when
/// <c>stream_options.include_usage</c> asked for it, then <c>[DONE]</c>; a failure is a last <c>{"error": ...}</c>.
/// </summary>
internal sealed class OpenAIStreamFormat(TimeProvider time, bool includeUsage) : IChatStreamFormat<ChunkItem>
{
    private readonly ToolCallRelay _relay = new();
    private StreamHeader _header;
    private bool _isFirst = true;

    public void Translate(ChatStreamEvent turnEvent, List<SseItem<ChunkItem>> items)
    {
        switch (turnEvent)
        {
            case StreamStartEvent start:
                _header = new StreamHeader("chatcmpl-" + Guid.NewGuid().ToString("N"), time.GetUtcNow().ToUnixTimeSeconds(), start.Model, includeUsage);
                break;
            case StreamChunkEvent { Delta: { } delta }:
                var calls = _relay.Relay(delta.ToolCalls);
                if (_isFirst || delta.Content.Length > 0 || delta.ReasoningContent is not null || calls is not null || delta.FinishReason is not null)
                {
                    items.Add(new(new ChunkItem(delta.Content)
                    {
                        IsFirst = _isFirst,
                        ReasoningContent = delta.ReasoningContent,
                        ToolCalls = calls,
                        FinishReason = delta.FinishReason,
                    }));
                    _isFirst = false;
                }

                break;
            case StreamEndEvent end:
                if (_isFirst)
                {
                    items.Add(new(new ChunkItem("") { IsFirst = true, FinishReason = "stop" }));
                }

                if (includeUsage && end.Usage is { } usage)
                {
                    items.Add(new(new ChunkItem("") { Usage = usage }));
                }

                items.Add(new(ChunkItem.Done));
                break;
            case StreamErrorEvent failure:
                items.Add(new(new ChunkItem("") { Error = failure.Error }));
                break;
        }
    }

    public void WriteData(SseItem<ChunkItem> item, IBufferWriter<byte> output)
    {
        var chunk = item.Data;
        if (chunk.IsDone)
        {
            output.Write("[DONE]"u8);
            return;
        }

        var json = SseJson.Start(output);
        if (chunk.Error is { } error)
        {
            OpenAIErrors.WriteEnvelope(json, error);
        }
        else if (chunk.Usage is { } usage)
        {
            OpenAIJson.WriteUsageChunk(json, _header, usage);
        }
        else
        {
            OpenAIJson.WriteChunk(json, _header, chunk);
        }

        json.Flush();
    }

    public Task WriteErrorAsync(HttpContext context, ApiError error) => OpenAIErrors.WriteAsync(context, error);
}

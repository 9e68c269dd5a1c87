using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace AiChat.Emulator;

/// <summary>One chat request being answered: what was asked, and raw writes to the response.</summary>
internal sealed class ChatExchange(
    HttpContext context, ChatCall call, string? authorization, ReceivedChatRequest? record, TimeSpan chunkDelay)
{
    private readonly PipeWriter _body = context.Response.BodyWriter;
    private Reply? _reply;
    private Reply? _reasoning;
    private IReadOnlyList<PlannedToolCall>? _toolCalls;
    private Utf8JsonWriter? _json;
    private int _frames;
    private bool _textWritten;
    private bool _paused;

    public ChatCall Call => call;

    public Directives Directives { get; } = Directives.Parse(call.LastUserContent);

    public string? Authorization => authorization;

    public ReceivedChatRequest? Record => record;

    public string RequestId { get; } = Guid.NewGuid().ToString();

    public long Created { get; } = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    public Reply Reply => _reply ??= new Reply(ToolModel.Answer(call) ?? "You said: " + Directives.Text + Reply.DescribeImages(call.Messages), call.Messages, call.PreserveThinking);

    public EmulatedModel Model { get; } = EmulatedModel.Find(call.Model);

    /// <summary>The reasoning streamed before the answer when the model thinks (its default, or the request's enable_thinking); null otherwise.</summary>
    public Reply? Reasoning => _reasoning ??= ThinkingRules.Thinks(call, Model) ? new Reply("Thinking about: " + Directives.Text, []) : null;

    /// <summary>Output tokens of the whole answer: reasoning and text.</summary>
    public int OutputTokens => Reply.CompletionTokens + (Reasoning?.PieceCount ?? 0);

    /// <summary>The tool calls the emulated model makes in this answer; empty when it answers with text.</summary>
    public IReadOnlyList<PlannedToolCall> ToolCalls => _toolCalls ??= ToolModel.Plan(call, Directives);

    public CancellationToken Aborted => context.RequestAborted;

    /// <summary>Content pieces to stream before a cut or a moderation error ends the stream early.</summary>
    public int PiecesToSend =>
        Directives.Fault is EmulatorFault.CutStream or EmulatorFault.Moderation ? Reply.PieceCount / 2 : Reply.PieceCount;

    public void Start(int status, string contentType)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
    }

    public void SetHeader(string name, string value) => context.Response.Headers[name] = value;

    public void Write(ReadOnlySpan<byte> bytes) => _body.Write(bytes);

    public void Write(int number)
    {
        number.TryFormat(_body.GetSpan(11), out var written, provider: CultureInfo.InvariantCulture);
        _body.Advance(written);
    }

    /// <summary>Starts one JSON value; <see cref="EndJson"/> must follow with no await in between.</summary>
    public Utf8JsonWriter StartJson() => _json = JsonOutput.Start(_body);

    public void EndJson()
    {
        _json?.Flush();
        _json = null;
    }

    /// <summary>
    /// Flushes the frame written so far, then paces the next one. The last frame is left for the server to flush as
    /// the handler returns: once every byte is handed over the answer is finished, so a caller leaving then is no abort.
    /// </summary>
    public async ValueTask NextFrameAsync()
    {
        if (_frames++ == 0)
        {
            return;
        }

        await FlushAsync();
        var delay = Directives.ChunkDelay ?? chunkDelay;
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, Aborted);
        }
    }

    /// <summary>
    /// Called before each content frame: before the first, sends what was written so far and then waits out the
    /// <c>[[pause-ms:N]]</c> directive's pause, once (a model thinking in silence, for keep-alive tests).
    /// </summary>
    public async ValueTask PauseAsync()
    {
        if (_paused || Directives.Pause is not { } pause)
        {
            return;
        }

        _paused = true;
        await FlushAsync();
        await Task.Delay(pause, Aborted);
    }

    /// <summary>
    /// Ends a stream as its fault directive asks, after the text: cut, or a moderation error written by
    /// <paramref name="writeModeration"/> in the protocol's shape. False when there is no such fault.
    /// </summary>
    public async ValueTask<bool> EndedByFaultAsync(Action<ChatExchange> writeModeration)
    {
        switch (Directives.Fault)
        {
            case EmulatorFault.CutStream:
                await CutAsync();
                return true;
            case EmulatorFault.Moderation:
                await NextFrameAsync();
                writeModeration(this);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Ends a started stream mid-way. <see cref="HttpContext.Abort"/> would drop bytes still queued for the socket;
    /// after an exception Kestrel instead closes the connection once everything written has gone out, without the
    /// final empty chunk, so the caller sees the first half and then a broken stream.
    /// </summary>
    public async ValueTask CutAsync()
    {
        await FlushAsync();
        throw new StreamCutException();
    }

    /// <summary>Notes that the frame just written carries text: the flush that sends it is timed (see <see cref="ReceivedChatRequest.FirstTextTimestamp"/>).</summary>
    public void NoteText() => _textWritten = true;

    /// <summary>Drops the connection before anything was written.</summary>
    public void Drop() => context.Abort();

    private async ValueTask FlushAsync()
    {
        var result = await _body.FlushAsync(Aborted);
        if (result.IsCompleted || result.IsCanceled)
        {
            throw new OperationCanceledException(Aborted);
        }

        Aborted.ThrowIfCancellationRequested();
        if (_textWritten && record is { FirstTextTimestamp: null })
        {
            record.FirstTextTimestamp = System.Diagnostics.Stopwatch.GetTimestamp();
        }
    }
}

using System.Buffers;
using System.IO.Pipelines;

namespace AiChat.Core.Streaming;

/// <summary>
/// Writes an SSE comment (<c>: keep-alive</c>) into a started event stream whenever no event was written for the
/// interval, so proxies that cut silent responses keep the stream open while the model thinks. One timer per stream,
/// re-armed only when it fires: an event costs a gate and a timestamp, no timer call. Events are written between
/// <see cref="EnterAsync"/> and <see cref="Exit"/>, so a comment never lands inside one and the pipe is never
/// written from two threads.
/// </summary>
internal sealed class KeepAliveComments : IAsyncDisposable
{
    private static readonly ReadOnlyMemory<byte> Comment = ": keep-alive\n\n"u8.ToArray();

    private readonly PipeWriter _body;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly CancellationToken _aborted;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ITimer _timer;
    private long _lastWrite;
    private bool _stopped;

    public KeepAliveComments(PipeWriter body, TimeSpan interval, TimeProvider time, CancellationToken aborted)
    {
        _body = body;
        _interval = interval;
        _time = time;
        _aborted = aborted;
        _lastWrite = time.GetTimestamp();
        _timer = time.CreateTimer(static state => ((KeepAliveComments)state!).OnTimer(), this, interval, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Waits for a comment being written, then holds the pipe for an event.</summary>
    public Task EnterAsync(CancellationToken cancellationToken) => _gate.WaitAsync(cancellationToken);

    /// <summary>Lets the pipe go after an event, which puts off the next comment by the interval.</summary>
    public void Exit()
    {
        Volatile.Write(ref _lastWrite, _time.GetTimestamp());
        _gate.Release();
    }

    /// <summary>Stops the comments, waiting for one being written; the response itself stays open.</summary>
    public async ValueTask DisposeAsync()
    {
        await _timer.DisposeAsync();
        await _gate.WaitAsync(CancellationToken.None);
        Volatile.Write(ref _stopped, true);
        _gate.Release();
    }

    private void OnTimer()
    {
        var quiet = _time.GetElapsedTime(Volatile.Read(ref _lastWrite));
        if (quiet < _interval)
        {
            Arm(_interval - quiet);
            return;
        }

        _ = SendCommentAsync();
    }

    private async Task SendCommentAsync()
    {
        if (!_gate.Wait(0))
        {
            // An event is being written: that is the stream's sign of life.
            Arm(_interval);
            return;
        }

        try
        {
            if (_stopped)
            {
                return;
            }

            _body.Write(Comment.Span);
            await _body.FlushAsync(_aborted);
            Volatile.Write(ref _lastWrite, _time.GetTimestamp());
            Arm(_interval);
        }
        catch (Exception)
        {
            // The client went away (or the write failed): the stream's next event meets the same failure and ends the
            // turn; a comment has nobody to report to.
        }
        finally
        {
            _gate.Release();
        }
    }

    private void Arm(TimeSpan due)
    {
        try
        {
            if (!Volatile.Read(ref _stopped))
            {
                _timer.Change(due, Timeout.InfiniteTimeSpan);
            }
        }
        catch (ObjectDisposedException)
        {
            // The stream ended while a comment was being written.
        }
    }
}

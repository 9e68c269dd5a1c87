using System.Runtime.CompilerServices;

namespace AiChat.Core.Streaming;

/// <summary>
/// A started event stream's body that writes an SSE comment (<c>: keep-alive</c>) whenever nothing was written for
/// the interval, so proxies that cut silent responses keep the stream open while the model thinks. One timer per
/// stream, re-armed only when it fires: a write costs a gate and a timestamp, no timer call. The gate keeps the
/// comment from landing inside an event. Only the writes an SSE writer makes are supported.
/// </summary>
internal sealed class KeepAliveStream : Stream
{
    private static readonly ReadOnlyMemory<byte> Comment = ": keep-alive\n\n"u8.ToArray();

    private readonly Stream _body;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly CancellationToken _aborted;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ITimer _timer;
    private long _lastWrite;
    private bool _stopped;

    public KeepAliveStream(Stream body, TimeSpan interval, TimeProvider time, CancellationToken aborted)
    {
        _body = body;
        _interval = interval;
        _time = time;
        _aborted = aborted;
        _lastWrite = time.GetTimestamp();
        _timer = time.CreateTimer(static state => ((KeepAliveStream)state!).OnTimer(), this, interval, Timeout.InfiniteTimeSpan);
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await _body.WriteAsync(buffer, cancellationToken);
        }
        finally
        {
            Volatile.Write(ref _lastWrite, _time.GetTimestamp());
            _gate.Release();
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await _body.FlushAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops the keep-alive, waiting for a comment being written; the response body itself stays open.</summary>
    public override async ValueTask DisposeAsync()
    {
        await _timer.DisposeAsync();
        await _gate.WaitAsync(CancellationToken.None);
        Volatile.Write(ref _stopped, true);
        _gate.Release();
        await base.DisposeAsync();
    }

    public override void Flush() => throw new NotSupportedException();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Volatile.Write(ref _stopped, true);
            _timer.Dispose();
        }

        base.Dispose(disposing);
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

            await _body.WriteAsync(Comment, _aborted);
            Volatile.Write(ref _lastWrite, _time.GetTimestamp());
            Arm(_interval);
        }
        catch (Exception)
        {
            // The client went away (or the write failed): the stream's next event write meets the same failure and ends
            // the turn; a comment has nobody to report to.
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

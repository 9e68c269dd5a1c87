using AiChat.Core.DashScope;
using Polly;

namespace AiChat.Core.Resilience;

/// <summary>
/// One stream of <see cref="ResilientDashScopeClient"/>, read once. Its first step opens the upstream stream, retried
/// until the first delta within the deadline; every later step is the upstream stream's own, with no iterator of
/// ours in between, so a chunk costs nothing here.
/// </summary>
internal sealed class RetriedStream(IDashScopeClient inner, ChatRequest request, ResiliencePipeline retry, TimeSpan deadline, CancellationToken cancellationToken)
    : IAsyncEnumerable<ChatDelta>, IAsyncEnumerator<ChatDelta>
{
    private CancellationToken _readerToken;
    private CancellationTokenSource? _timeout;
    private IAsyncEnumerator<ChatDelta>? _stream;

    public ChatDelta Current => _stream!.Current;

    public IAsyncEnumerator<ChatDelta> GetAsyncEnumerator(CancellationToken token = default)
    {
        if (_timeout is not null)
        {
            throw new InvalidOperationException("An upstream stream is read once.");
        }

        _readerToken = token;
        _timeout = token.CanBeCanceled && token != cancellationToken
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, token)
            : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        return this;
    }

    public ValueTask<bool> MoveNextAsync() => _stream is null ? OpenAsync() : _stream.MoveNextAsync();

    public async ValueTask DisposeAsync()
    {
        if (_stream is not null)
        {
            await _stream.DisposeAsync();
        }

        _timeout?.Dispose();
    }

    private async ValueTask<bool> OpenAsync()
    {
        var timeout = _timeout ?? throw new InvalidOperationException("The stream is read through GetAsyncEnumerator.");
        timeout.CancelAfter(deadline);
        try
        {
            _stream = await retry.ExecuteAsync(static (state, token) => OpenOnceAsync(state.inner, state.request, token), (inner, request), timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && !_readerToken.IsCancellationRequested)
        {
            throw ResilientDashScopeClient.DeadlinePassed(deadline);
        }

        // The deadline covers the start and the retries; the stream's own idle timeout takes over from here.
        timeout.CancelAfter(Timeout.InfiniteTimeSpan);
        return true;
    }

    /// <summary>Starts a stream and waits for its first delta, so that failures before it can be retried.</summary>
    private static async ValueTask<IAsyncEnumerator<ChatDelta>> OpenOnceAsync(IDashScopeClient inner, ChatRequest request, CancellationToken cancellationToken)
    {
        var stream = inner.StreamAsync(request, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            return await stream.MoveNextAsync()
                ? stream
                : throw new DashScopeException(502, "stream_truncated", "The upstream stream ended before its first event.", null);
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }
}

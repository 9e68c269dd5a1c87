using System.Runtime.CompilerServices;
using AiChat.Core.Chat;
using Polly;

namespace AiChat.Core.Resilience;

/// <summary>
/// Retries upstream calls that failed transiently: a whole completion, or a stream until its first delta (once a
/// delta has reached the caller, a retry would repeat text, so the stream's later failures go to the caller).
/// All attempts share one deadline. A caller that goes away stops retries at once.
/// </summary>
internal sealed class ResilientDashScopeClient(IDashScopeClient inner, ResiliencePipeline retry, TimeSpan deadline) : IDashScopeClient
{
    public async Task<ChatCompletion> CompleteAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(deadline);
        try
        {
            return await retry.ExecuteAsync(
                static (state, token) => new ValueTask<ChatCompletion>(state.inner.CompleteAsync(state.request, token)),
                (inner, request),
                timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw DeadlinePassed();
        }
    }

    public async IAsyncEnumerable<ChatDelta> StreamAsync(ChatRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(deadline);
        IAsyncEnumerator<ChatDelta> stream;
        try
        {
            stream = await retry.ExecuteAsync(static (state, token) => OpenAsync(state.inner, state.request, token), (inner, request), timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw DeadlinePassed();
        }

        await using (stream)
        {
            timeout.CancelAfter(Timeout.InfiniteTimeSpan);
            yield return stream.Current;
            while (await stream.MoveNextAsync())
            {
                yield return stream.Current;
            }
        }
    }

    /// <summary>Starts a stream and waits for its first delta, so that failures before it can be retried.</summary>
    private static async ValueTask<IAsyncEnumerator<ChatDelta>> OpenAsync(IDashScopeClient inner, ChatRequest request, CancellationToken cancellationToken)
    {
        var stream = inner.StreamAsync(request, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            return await stream.MoveNextAsync()
                ? stream
                : throw new DashScope.DashScopeException(502, "stream_truncated", "The upstream stream ended before its first event.", null);
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    private DashScope.DashScopeException DeadlinePassed() => DashScope.UpstreamFailures.Timeout("answer, retries included,", deadline);
}

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
            throw DeadlinePassed(deadline);
        }
    }

    public IAsyncEnumerable<ChatDelta> StreamAsync(ChatRequest request, CancellationToken cancellationToken) =>
        new RetriedStream(inner, request, retry, deadline, cancellationToken);

    internal static DashScope.DashScopeException DeadlinePassed(TimeSpan deadline) => DashScope.UpstreamFailures.Timeout("answer, retries included,", deadline);
}

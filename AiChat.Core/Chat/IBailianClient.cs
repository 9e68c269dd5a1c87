namespace AiChat.Core.Chat;

/// <summary>The upstream seam: one call, one streaming call, whichever DashScope protocol is behind it.</summary>
public interface IBailianClient
{
    /// <exception cref="DashScope.DashScopeException">The upstream answered with an error.</exception>
    /// <exception cref="TimeoutException">The upstream did not answer in time.</exception>
    /// <exception cref="HttpRequestException">The upstream could not be reached.</exception>
    Task<ChatCompletion> CompleteAsync(ChatRequest request, CancellationToken cancellationToken);

    /// <summary>Deltas as the upstream sends them; enumeration ends at the upstream's terminal event.</summary>
    IAsyncEnumerable<ChatDelta> StreamAsync(ChatRequest request, CancellationToken cancellationToken);
}

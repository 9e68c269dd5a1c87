namespace AiChat.Core.Chat;

/// <summary>The upstream seam: one call, one streaming call, whichever DashScope protocol is behind it.</summary>
internal interface IDashScopeClient
{
    /// <exception cref="DashScope.DashScopeException">
    /// The one failure type: the upstream answered with an error, did not answer in time, could not be reached, or
    /// sent a body that is not the protocol's JSON. Cancellation by the caller stays an OperationCanceledException.
    /// </exception>
    Task<ChatCompletion> CompleteAsync(ChatRequest request, CancellationToken cancellationToken);

    /// <summary>Deltas as the upstream sends them; enumeration ends at the upstream's terminal event.</summary>
    IAsyncEnumerable<ChatDelta> StreamAsync(ChatRequest request, CancellationToken cancellationToken);
}

namespace AiChat.Core.Limits;

/// <summary>
/// The counters behind the limits. Each check is atomic: it admits and counts (the request, its stream slot and the
/// tokens it holds), or refuses and counts nothing, so N concurrent requests against a limit of M admit exactly
/// min(N, M), and a token limit is passed by at most what the last request admitted held.
/// </summary>
internal interface ILimitStore
{
    Task<LimitDecision> CheckAsync(LimitCheck check, CancellationToken cancellationToken);

    /// <summary>Frees the stream slot a check took.</summary>
    Task ReleaseStreamAsync(string client, string lease, CancellationToken cancellationToken);

    /// <summary>
    /// Adds tokens to the client's day and to the app's day; negative to give back what a check held beyond what the
    /// turn spent.
    /// </summary>
    Task AddTokensAsync(string client, long tokens, CancellationToken cancellationToken);

    /// <summary>Counts one geo tool call on the client's day if it has fewer than <paramref name="perDay"/>; false when it has used them.</summary>
    Task<bool> TryTakeToolCallAsync(string client, int perDay, CancellationToken cancellationToken);
}

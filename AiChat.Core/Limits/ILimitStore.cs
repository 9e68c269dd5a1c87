namespace AiChat.Core.Limits;

/// <summary>
/// The counters behind the limits. Each check is atomic: it admits and counts, or refuses and counts nothing,
/// so N concurrent requests against a limit of M admit exactly min(N, M).
/// </summary>
internal interface ILimitStore
{
    Task<LimitDecision> CheckAsync(LimitCheck check, CancellationToken cancellationToken);

    /// <summary>Frees the stream slot a check took.</summary>
    Task ReleaseStreamAsync(string client, string lease, CancellationToken cancellationToken);

    /// <summary>Adds an answer's tokens to the client's day and to the app's day.</summary>
    Task AddTokensAsync(string client, long tokens, CancellationToken cancellationToken);
}

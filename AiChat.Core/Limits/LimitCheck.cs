namespace AiChat.Core.Limits;

/// <summary>One request's check: whose, whether it opens a stream (and the lease that stream holds), and the limits in force.</summary>
internal sealed record LimitCheck(string Client, string? StreamLease, LimitOptions Limits)
{
    public bool IsStream => StreamLease is not null;

    /// <summary>Tokens an admitted request holds at once on the client's day and the app's budget, until its turn settles them.</summary>
    public long Tokens { get; init; }
}

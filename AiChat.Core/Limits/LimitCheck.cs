namespace AiChat.Core.Limits;

/// <summary>One request's check: whose, whether it opens a stream (and the lease that stream holds), and the limits in force.</summary>
internal sealed record LimitCheck(string Client, string? StreamLease, LimitOptions Limits)
{
    public bool IsStream => StreamLease is not null;
}

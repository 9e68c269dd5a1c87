namespace AiChat.Core.Limits;

/// <summary>What a limit store answered: admitted, or refused by one limit until a time.</summary>
internal readonly record struct LimitDecision(LimitKind RefusedBy, TimeSpan RetryAfter)
{
    public static LimitDecision Admitted => default;

    public bool IsAdmitted => RefusedBy == LimitKind.None;
}

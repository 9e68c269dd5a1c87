namespace AiChat.Core.Limits;

/// <summary>The limits a request can be refused by, in the order they are checked.</summary>
internal enum LimitKind
{
    None,
    DailyTokenBudget,
    TokensPerDay,
    RequestsPerMinute,
    ConcurrentStreams,
}

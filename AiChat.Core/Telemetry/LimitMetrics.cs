using AiChat.Core.Limits;

namespace AiChat.Core.Telemetry;

/// <summary>Refusals by the limit that refused (never by client: that is in the log line).</summary>
internal static class LimitMetrics
{
    public const string LimitAttribute = "aichat.limit";

    public static void Refused(LimitKind limit) => Refused(limit switch
    {
        LimitKind.DailyTokenBudget => "daily_token_budget",
        LimitKind.TokensPerDay => "tokens_per_day",
        LimitKind.RequestsPerMinute => "requests_per_minute",
        _ => "concurrent_streams",
    });

    public static void StoreUnavailable() => Refused("store_unavailable");

    private static void Refused(string limit) =>
        AiChatDiagnostics.LimitRefusals.Add(1, new KeyValuePair<string, object?>(LimitAttribute, limit));
}

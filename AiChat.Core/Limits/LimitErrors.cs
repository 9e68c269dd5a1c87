using System.Globalization;

namespace AiChat.Core.Limits;

/// <summary>The errors a refused request gets: 429 (the app's budget: 503) with Retry-After, naming the setting.</summary>
internal static class LimitErrors
{
    public static ApiError For(LimitDecision decision, LimitOptions limits)
    {
        // Rounded up: a client that waits Retry-After seconds finds the window free. At least 1 s for a stream slot, whose end cannot be known.
        var seconds = Math.Max(1, (int)Math.Ceiling(decision.RetryAfter.TotalSeconds));
        var wait = string.Create(CultureInfo.InvariantCulture, $"Try again in {seconds} s.");
        var error = decision.RefusedBy switch
        {
            LimitKind.DailyTokenBudget => new ApiError(503, "daily_token_budget_exhausted",
                $"This service has spent its {limits.DailyTokenBudget} tokens for today (DAILY_TOKEN_BUDGET). {wait}")
            { Limit = "DAILY_TOKEN_BUDGET" },
            LimitKind.TokensPerDay => new ApiError(429, "tokens_per_day_exceeded",
                $"This client has used its {limits.TokensPerDay} tokens for today (RATE_LIMIT_TOKENS_PER_DAY). {wait}")
            { Limit = "RATE_LIMIT_TOKENS_PER_DAY" },
            LimitKind.RequestsPerMinute => new ApiError(429, "requests_per_minute_exceeded",
                $"This client has made its {limits.RequestsPerMinute} requests for this minute (RATE_LIMIT_REQUESTS_PER_MINUTE). {wait}")
            { Limit = "RATE_LIMIT_REQUESTS_PER_MINUTE" },
            _ => new ApiError(429, "concurrent_streams_exceeded",
                $"This client has {limits.ConcurrentStreams} streams open, the most it may (RATE_LIMIT_CONCURRENT_STREAMS). {wait}")
            { Limit = "RATE_LIMIT_CONCURRENT_STREAMS" },
        };
        return error with { RetryAfterSeconds = seconds };
    }

    /// <summary>What a geo tool call refused by GEO_TOOL_CALLS_PER_CLIENT_PER_DAY tells the client, in its tool_status event.</summary>
    public static string ToolCallsPerDay(LimitOptions limits) =>
        $"This client has used its {limits.GeoToolCallsPerDay} map lookups for today (GEO_TOOL_CALLS_PER_CLIENT_PER_DAY); they start again at 00:00 UTC.";

    public static ApiError StoreUnavailable() =>
        new(503, "limits_unavailable", "The limit store could not be reached, and this service refuses requests it cannot count (RATE_LIMIT_WHEN_STORE_UNAVAILABLE=closed).")
        {
            Limit = "RATE_LIMIT_WHEN_STORE_UNAVAILABLE",
            RetryAfterSeconds = 10,
        };
}

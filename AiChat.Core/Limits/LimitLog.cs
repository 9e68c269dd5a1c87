namespace AiChat.Core.Limits;

internal static partial class LimitLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Refused by {Limit}: client {Client}")]
    public static partial void Refused(ILogger logger, LimitKind limit, string client);

    [LoggerMessage(Level = LogLevel.Error, Message = "LIMITS NOT ENFORCED: the limit store could not be reached, so this request was admitted uncounted (RATE_LIMIT_WHEN_STORE_UNAVAILABLE=open)")]
    public static partial void StoreUnavailableOpen(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The limit store could not be reached; request refused (RATE_LIMIT_WHEN_STORE_UNAVAILABLE=closed)")]
    public static partial void StoreUnavailableClosed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A stream slot could not be freed in the limit store; it frees itself when its lease expires")]
    public static partial void ReleaseFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Tokens} tokens could not be counted: the limit store could not be reached")]
    public static partial void TokensNotCounted(ILogger logger, long tokens, Exception exception);
}

namespace AiChat.Core.Sessions;

/// <summary>Session log lines: a session is named by its hash (<see cref="SessionIds.Hash"/>), never by its id.</summary>
internal static partial class SessionLog
{
    public static void TurnNotSaved(ILogger logger, string sessionId)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            var hash = SessionIds.Hash(sessionId);
            TurnNotSavedHashed(logger, hash);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Turn not saved: session {SessionHash} was deleted or expired while the turn ran")]
    private static partial void TurnNotSavedHashed(ILogger logger, string sessionHash);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Session store full ({Count} sessions, SESSION_MAX_COUNT {MaxCount}): evicted the {Evicted} least recently used")]
    public static partial void Evicted(ILogger logger, int count, int maxCount, int evicted);
}

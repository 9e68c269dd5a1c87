using Microsoft.Extensions.Logging;

namespace AiChat.Core.Api;

internal static partial class UpstreamLog
{
    // The exception's message is DashScope's or ours; neither carries the key (the key only travels in a header).
    [LoggerMessage(Level = LogLevel.Warning, Message = "Upstream call failed; answered {Status} {Code} (upstream request id {UpstreamRequestId})")]
    public static partial void CallFailed(ILogger logger, int status, string code, string? upstreamRequestId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upstream stream failed after it started; sent error event {Code} (upstream request id {UpstreamRequestId})")]
    public static partial void StreamFailed(ILogger logger, string code, string? upstreamRequestId, Exception exception);
}

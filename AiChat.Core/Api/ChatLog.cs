namespace AiChat.Core.Api;

internal static partial class ChatLog
{
    // The exception's message is DashScope's or ours; neither carries the key (the key only travels in a header).
    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat call failed; answered {Status} {Code} (upstream request id {UpstreamRequestId})")]
    public static partial void CallFailed(ILogger logger, int status, string code, string? upstreamRequestId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat stream failed; sent error {Status} {Code} (upstream request id {UpstreamRequestId})")]
    public static partial void StreamFailed(ILogger logger, int status, string code, string? upstreamRequestId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Answered with {Model}: finish {FinishReason}, tokens {PromptTokens} prompt + {CompletionTokens} completion = {TotalTokens} (session {SessionHash})")]
    public static partial void Answered(ILogger logger, string model, string? finishReason, int? promptTokens, int? completionTokens, int? totalTokens, string? sessionHash);

    [LoggerMessage(Level = LogLevel.Information, Message = "Counted an estimated {Tokens} tokens for a turn that ended without DashScope's usage")]
    public static partial void SpendEstimated(ILogger logger, long tokens);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tool call stream did not follow the rules: {Anomaly}")]
    public static partial void ToolCallAnomaly(ILogger logger, string anomaly);
}

using AiChat.Core.DashScope;
using Polly;
using Polly.Retry;

namespace AiChat.Core.Resilience;

/// <summary>
/// Exponential backoff with jitter on what DashScope's own advice calls transient: rate limits, server errors,
/// timeouts and broken connections. A refused key, a bad request or an unknown model is never retried.
/// </summary>
internal static partial class UpstreamRetryPipeline
{
    public static ResiliencePipeline Create(ResilienceOptions options, ILogger logger)
    {
        if (options.MaxRetries == 0)
        {
            return ResiliencePipeline.Empty;
        }

        return new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(options.RetryDelayMilliseconds),
                OnRetry = arguments =>
                {
                    LogRetry(logger, arguments.AttemptNumber + 1, options.MaxRetries, arguments.RetryDelay.TotalMilliseconds, arguments.Outcome.Exception?.Message);
                    return default;
                },
            })
            .Build();
    }

    public static bool IsTransient(Exception exception) => exception switch
    {
        DashScopeException e => e.StatusCode is 429 or 500 or 502 or 503 or 504,
        TimeoutException or HttpRequestException or IOException => true,
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retrying the upstream call ({Retry} of {MaxRetries}) in {DelayMs:0} ms after: {Reason}")]
    private static partial void LogRetry(ILogger logger, int retry, int maxRetries, double delayMs, string? reason);
}

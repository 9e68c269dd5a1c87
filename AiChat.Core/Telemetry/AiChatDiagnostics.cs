using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AiChat.Core.Telemetry;

/// <summary>
/// AiChat's one ActivitySource and one Meter, both named <see cref="Name"/>, and its instruments. Without a listener
/// (no exporter configured) a span is never started and a measurement never taken: each site checks first.
/// </summary>
internal static class AiChatDiagnostics
{
    public const string Name = "AiChat";

    public const string ActiveStreamsMetric = "aichat.upstream.active_streams";
    public const string LimitRefusalsMetric = "aichat.limit.refusals";
    public const string SessionStoreDurationMetric = "aichat.session_store.operation.duration";
    public const string AMapDurationMetric = "aichat.amap.request.duration";

    private static readonly string? Version = typeof(AiChatDiagnostics).Assembly.GetName().Version?.ToString();

    public static readonly ActivitySource Source = new(Name, Version);

    public static readonly Meter Meter = new(Name, Version);

    public static readonly Histogram<int> TokenUsage = Meter.CreateHistogram(
        GenAINames.TokenUsageMetric, "{token}", "Measures number of input and output tokens used",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = GenAINames.TokenBuckets });

    public static readonly Histogram<double> OperationDuration = Meter.CreateHistogram(
        GenAINames.OperationDurationMetric, "s", "Measures the duration of a GenAI operation",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = GenAINames.DurationBuckets });

    public static readonly Histogram<double> TimeToFirstChunk = Meter.CreateHistogram(
        GenAINames.TimeToFirstChunkMetric, "s", "Measures the time to receive the first chunk in a streaming operation",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = GenAINames.DurationBuckets });

    public static readonly UpDownCounter<long> ActiveStreams = Meter.CreateUpDownCounter<long>(
        ActiveStreamsMetric, "{stream}", "Streams from DashScope open now");

    public static readonly Counter<long> LimitRefusals = Meter.CreateCounter<long>(
        LimitRefusalsMetric, "{request}", "Requests refused by one of AiChat's limits, by limit");

    public static readonly Histogram<double> SessionStoreDuration = Meter.CreateHistogram(
        SessionStoreDurationMetric, "s", "Duration of one session store operation",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });

    public static readonly Histogram<double> AMapDuration = Meter.CreateHistogram(
        AMapDurationMetric, "s", "Duration of one HTTP exchange with AMap's web service",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = GenAINames.DurationBuckets });
}

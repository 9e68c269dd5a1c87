using System.Collections.ObjectModel;
using System.Globalization;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace AiChat.Functions.Tests.Telemetry;

/// <summary>
/// The OpenTelemetry in-memory exporter in an in-process host, added the way an app adds an exporter; AiChat's own
/// registration supplies what is listened to.
/// </summary>
public sealed class InMemorySink : ITelemetrySink
{
    private readonly SpanCollection _activities;
    private readonly PointCollection _metrics;
    private IServiceProvider? _services;

    public InMemorySink()
    {
        _activities = new SpanCollection(Spans);
        _metrics = new PointCollection(Points);
    }

    public Recorded<RecordedSpan> Spans { get; } = new();

    public Recorded<RecordedPoint> Points { get; } = new();

    public void AddTo(IServiceCollection services) =>
        services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddInMemoryExporter(_activities))
            .WithMetrics(metrics => metrics.AddInMemoryExporter(_metrics));

    /// <summary>The host's services, for flushing its meter provider.</summary>
    public void Attach(IServiceProvider services) => _services = services;

    public Task<IReadOnlyList<RecordedPoint>> PointsAsync(Func<IReadOnlyList<RecordedPoint>, bool> done)
    {
        _services!.GetRequiredService<MeterProvider>().ForceFlush();
        return Points.WaitAsync(done, TimeSpan.FromSeconds(5));
    }

    internal static RecordedSpan Span(Activity activity)
    {
        var attributes = activity.TagObjects.GroupBy(t => t.Key).ToDictionary(g => g.Key, g => Text(g.Last().Value));
        var texts = new List<string> { activity.DisplayName, activity.StatusDescription ?? "" };
        texts.AddRange(attributes.Values);
        foreach (var spanEvent in activity.Events)
        {
            texts.Add(spanEvent.Name);
            texts.AddRange(spanEvent.Tags.Select(t => Text(t.Value)));
        }

        return new RecordedSpan(
            activity.DisplayName, activity.TraceId.ToHexString(), activity.SpanId.ToHexString(), activity.ParentSpanId.ToHexString(),
            activity.Kind.ToString(), attributes, activity.Status == ActivityStatusCode.Error)
        { Texts = texts };
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        string[] array => string.Join(',', array),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static IEnumerable<RecordedPoint> PointsOf(MetricSnapshot metric)
    {
        foreach (var point in metric.MetricPoints)
        {
            var attributes = new Dictionary<string, string>();
            foreach (var tag in point.Tags)
            {
                attributes[tag.Key] = Text(tag.Value);
            }

            if (metric.MetricType == MetricType.Histogram)
            {
                var bounds = new List<double>();
                foreach (var bucket in point.GetHistogramBuckets())
                {
                    if (!double.IsPositiveInfinity(bucket.ExplicitBound))
                    {
                        bounds.Add(bucket.ExplicitBound);
                    }
                }

                yield return new RecordedPoint(metric.Name, metric.Unit, attributes, point.GetHistogramCount(), point.GetHistogramSum(), bounds);
            }
            else
            {
                var value = metric.MetricType is MetricType.LongSum or MetricType.LongSumNonMonotonic or MetricType.LongGauge ? point.GetSumLong() : (long)point.GetSumDouble();
                yield return new RecordedPoint(metric.Name, metric.Unit, attributes, value, value, []);
            }
        }
    }

    private sealed class SpanCollection(Recorded<RecordedSpan> spans) : Collection<Activity>
    {
        protected override void InsertItem(int index, Activity item) => spans.Add([Span(item)]);
    }

    private sealed class PointCollection(Recorded<RecordedPoint> points) : Collection<MetricSnapshot>
    {
        protected override void InsertItem(int index, MetricSnapshot item) => points.Add(PointsOf(item));
    }
}

namespace AiChat.Functions.Tests.Telemetry;

/// <summary>Where a host's telemetry ends up in a test: the in-memory exporter, or an OTLP receiver.</summary>
public interface ITelemetrySink
{
    Recorded<RecordedSpan> Spans { get; }

    /// <summary>The metric points exported so far, once <paramref name="done"/> holds for them.</summary>
    Task<IReadOnlyList<RecordedPoint>> PointsAsync(Func<IReadOnlyList<RecordedPoint>, bool> done);
}

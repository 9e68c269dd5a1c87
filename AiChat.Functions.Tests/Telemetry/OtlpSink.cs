namespace AiChat.Functions.Tests.Telemetry;

/// <summary>A host exporting over OTLP to an <see cref="OtlpReceiver"/> in the test process.</summary>
public sealed class OtlpSink(OtlpReceiver receiver) : ITelemetrySink
{
    public Recorded<RecordedSpan> Spans => receiver.Spans;

    public Task<IReadOnlyList<RecordedPoint>> PointsAsync(Func<IReadOnlyList<RecordedPoint>, bool> done) => receiver.Points.WaitAsync(done);
}

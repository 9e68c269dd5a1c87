using System.Globalization;
using AiChat.Functions.Tests.Telemetry.Otlp;
using Google.Protobuf;
using Google.Protobuf.Collections;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace AiChat.Functions.Tests.Telemetry;

/// <summary>
/// An OTLP/gRPC endpoint on a loopback port, as a collector or the .NET Aspire dashboard would offer one: what an app
/// exports to <see cref="Endpoint"/> lands in <see cref="Spans"/>, <see cref="Points"/> and <see cref="Logs"/>.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private WebApplication _app = null!;

    public Uri Endpoint => new(_app.Urls.First());

    public Recorded<RecordedSpan> Spans { get; } = new();

    public Recorded<RecordedPoint> Points { get; } = new();

    public Recorded<RecordedLog> Logs { get; } = new();

    /// <summary>The settings that point an app at this receiver, exporting within a fraction of a second.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Endpoint.AbsoluteUri,
        ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        ["OTEL_BLRP_SCHEDULE_DELAY"] = "100",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "300",
    };

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        var receiver = new OtlpReceiver();
        builder.Services.AddSingleton(receiver);
        receiver._app = builder.Build();
        receiver._app.MapGrpcService<TraceExport>();
        receiver._app.MapGrpcService<MetricsExport>();
        receiver._app.MapGrpcService<LogsExport>();
        await receiver._app.StartAsync();
        return receiver;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static string Hex(ByteString bytes) => Convert.ToHexStringLower(bytes.Span);

    private static Dictionary<string, string> Attributes(RepeatedField<KeyValue> attributes) =>
        attributes.GroupBy(a => a.Key).ToDictionary(g => g.Key, g => Text(g.Last().Value));

    private static string Text(AnyValue? value) => value?.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.ArrayValue => string.Join(',', value.ArrayValue.Values.Select(Text)),
        AnyValue.ValueOneofCase.KvlistValue => string.Join(',', value.KvlistValue.Values.Select(kv => kv.Key + "=" + Text(kv.Value))),
        _ => "",
    };

    private static RecordedSpan Span(Span span)
    {
        var attributes = Attributes(span.Attributes);
        var texts = new List<string> { span.Name, span.Status?.Message ?? "" };
        texts.AddRange(attributes.Values);
        foreach (var spanEvent in span.Events)
        {
            texts.Add(spanEvent.Name);
            texts.AddRange(Attributes(spanEvent.Attributes).Values);
        }

        var kind = span.Kind switch { 2 => "Server", 3 => "Client", _ => "Internal" };
        return new RecordedSpan(span.Name, Hex(span.TraceId), Hex(span.SpanId), Hex(span.ParentSpanId), kind, attributes, span.Status?.Code == 2) { Texts = texts };
    }

    private static IEnumerable<RecordedPoint> PointsOf(Metric metric) => metric.DataCase switch
    {
        Metric.DataOneofCase.Sum => metric.Sum.DataPoints.Select(p => Number(metric, p)),
        Metric.DataOneofCase.Gauge => metric.Gauge.DataPoints.Select(p => Number(metric, p)),
        Metric.DataOneofCase.Histogram => metric.Histogram.DataPoints.Select(p =>
            new RecordedPoint(metric.Name, metric.Unit, Attributes(p.Attributes), (long)p.Count, p.Sum, [.. p.ExplicitBounds])),
        _ => [],
    };

    private static RecordedPoint Number(Metric metric, NumberDataPoint point)
    {
        var value = point.ValueCase == NumberDataPoint.ValueOneofCase.AsInt ? point.AsInt : point.AsDouble;
        return new RecordedPoint(metric.Name, metric.Unit, Attributes(point.Attributes), (long)value, value, []);
    }

    private sealed class TraceExport(OtlpReceiver receiver) : TraceService.TraceServiceBase
    {
        public override Task<ExportResponse> Export(ExportTraceServiceRequest request, ServerCallContext context)
        {
            receiver.Spans.Add(request.ResourceSpans.SelectMany(r => r.ScopeSpans).SelectMany(s => s.Spans).Select(Span));
            return Task.FromResult(new ExportResponse());
        }
    }

    private sealed class MetricsExport(OtlpReceiver receiver) : MetricsService.MetricsServiceBase
    {
        public override Task<ExportResponse> Export(ExportMetricsServiceRequest request, ServerCallContext context)
        {
            receiver.Points.Add(request.ResourceMetrics.SelectMany(r => r.ScopeMetrics).SelectMany(s => s.Metrics).SelectMany(PointsOf));
            return Task.FromResult(new ExportResponse());
        }
    }

    private sealed class LogsExport(OtlpReceiver receiver) : LogsService.LogsServiceBase
    {
        public override Task<ExportResponse> Export(ExportLogsServiceRequest request, ServerCallContext context)
        {
            receiver.Logs.Add(request.ResourceLogs.SelectMany(r => r.ScopeLogs).SelectMany(s => s.LogRecords)
                .Select(log => new RecordedLog(Text(log.Body), Attributes(log.Attributes), Hex(log.TraceId))));
            return Task.FromResult(new ExportResponse());
        }
    }
}

using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AiChat.Bench;

/// <summary>
/// The least an OTLP/HTTP collector does, on a loopback port in the bench's process: it takes every export (traces,
/// metrics, logs), counts it, and answers with an empty success. A server pointed at it pays the whole cost of
/// telemetry on its side (instrumentation, batching, protobuf, the HTTP export) and none of a real backend's.
/// </summary>
internal sealed class OtlpSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _exports;
    private long _bytes;

    private OtlpSink(WebApplication app) => _app = app;

    public long Exports => Interlocked.Read(ref _exports);

    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>The settings that point a server at this sink, over OTLP/HTTP with protobuf, at the exporters' default intervals.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = _app.Urls.First(),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
    };

    public static async Task<OtlpSink> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var sink = new OtlpSink(app);
        app.MapPost("/v1/{signal}", sink.ReceiveAsync);
        await app.StartAsync(cancellationToken);
        return sink;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
        {
            Interlocked.Add(ref _bytes, read);
        }

        Interlocked.Increment(ref _exports);
        return Results.Bytes([], "application/x-protobuf");
    }
}

using System.Diagnostics;
using System.Globalization;

namespace AiChat.Bench;

/// <summary>
/// The published Functions host stand-in in its own process, started as a user starts it
/// (`dotnet AiChat.FunctionsHost.dll --port N --app-dir DIR`), the Functions app configured by environment variables
/// as in production. The stand-in starts the worker as its child process.
/// </summary>
internal sealed class FunctionsStandIn : IAsyncDisposable
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(15);

    private readonly Process _process;
    private readonly ProcessOutput _output;

    private FunctionsStandIn(Process process, ProcessOutput output, Uri address)
    {
        _process = process;
        _output = output;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The stand-in's process; the worker is its child, so CPU figures take the whole tree.</summary>
    public int ProcessId => _process.Id;

    /// <summary>From just before the stand-in was started to the first 200 from /health through it.</summary>
    public TimeSpan StartToHealthy { get; private set; }

    /// <summary>The worker's start-up steps, as the stand-in timed them.</summary>
    public WorkerReadiness WorkerReadiness { get; private set; } = null!;

    public static async Task<FunctionsStandIn> StartAsync(FunctionsLaunch launch, Uri upstreamBaseUrl, string apiKey, CancellationToken cancellationToken)
    {
        var port = SelfHost.FreePort();
        var start = new ProcessStartInfo("dotnet",
            [launch.StandInDll, "--port", port.ToString(CultureInfo.InvariantCulture), "--app-dir", launch.AppDirectory])
        {
            WorkingDirectory = Path.GetDirectoryName(launch.StandInDll),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        // The stand-in passes its environment on to the worker, as the Functions host does with app settings.
        start.Environment["AZURE_FUNCTIONS_ENVIRONMENT"] = "Production";
        start.Environment["DASHSCOPE_API_KEY"] = apiKey;
        start.Environment["DASHSCOPE_BASE_URL"] = upstreamBaseUrl.AbsoluteUri;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // But for the stand-in's own line on the worker's start-up (WorkerReadiness).
        start.Environment["Logging__LogLevel__AiChat.FunctionsHost"] = "Information";
        // As for the self-host: limits checked on every request, high enough that one bench client is never refused.
        start.Environment["RATE_LIMIT_REQUESTS_PER_MINUTE"] = "1000000000";
        start.Environment["RATE_LIMIT_CONCURRENT_STREAMS"] = "1000000";
        // Token limits stay off, as in the base builds it is compared with; Production then needs this said.
        start.Environment["ALLOW_UNBOUNDED_SPEND"] = "true";

        var started = Stopwatch.GetTimestamp();
        var process = Process.Start(start)!;
        var host = new FunctionsStandIn(process, new ProcessOutput(process), new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            host.StartToHealthy = await HealthPoller.WaitAsync(host.Address, process, started, cancellationToken);
            host.WorkerReadiness = WorkerReadiness.Parse(await host._output.LineContainingAsync(WorkerReadiness.LogMarker).WaitAsync(TimeSpan.FromSeconds(30), cancellationToken));
            return host;
        }
        catch (Exception e)
        {
            await host.DisposeAsync();
            throw new InvalidOperationException("The Functions host stand-in did not become healthy:\n" + host._output.Text, e);
        }
    }

    /// <summary>
    /// Stops the stand-in as Ctrl+C does: it terminates the worker and waits for it, so the worker's CPU time is
    /// counted in the stand-in's and then in the bench's. Killed, with the worker, if it takes too long.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])))
            {
                await kill!.WaitForExitAsync();
            }

            using var grace = new CancellationTokenSource(StopGrace);
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
    }
}

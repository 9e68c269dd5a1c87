using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AiChat.Bench;

/// <summary>
/// The published AiChat.Server in its own process on a loopback port, configured as in production, so its
/// start-up time, memory and CPU are its own and not the bench's.
/// </summary>
internal sealed class SelfHost : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ProcessOutput _output;

    private SelfHost(Process process, ProcessOutput output, Uri address)
    {
        _process = process;
        _output = output;
        Address = address;
    }

    public Uri Address { get; }

    public int ProcessId => _process.Id;

    /// <summary>From just before the process was started to the first 200 from /health.</summary>
    public TimeSpan StartToHealthy { get; private set; }

    public static async Task<SelfHost> StartAsync(ServerLaunch launch, Uri upstreamBaseUrl, string apiKey, CancellationToken cancellationToken)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = launch.StartInfo(["--urls", address.AbsoluteUri.TrimEnd('/')]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DASHSCOPE_API_KEY"] = apiKey;
        start.Environment["DASHSCOPE_BASE_URL"] = upstreamBaseUrl.AbsoluteUri;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // The bench is one client: limits stay in the path, as in production, but set high enough never to refuse it.
        start.Environment["RATE_LIMIT_REQUESTS_PER_MINUTE"] = "1000000000";
        start.Environment["RATE_LIMIT_CONCURRENT_STREAMS"] = "1000000";
        // Token limits stay off, as in the base builds it is compared with; Production then needs this said.
        start.Environment["ALLOW_UNBOUNDED_SPEND"] = "true";
        foreach (var (name, value) in launch.Environment)
        {
            start.Environment[name] = value;
        }

        var started = Stopwatch.GetTimestamp();
        var process = Process.Start(start)!;
        var host = new SelfHost(process, new ProcessOutput(process), address);
        try
        {
            host.StartToHealthy = await HealthPoller.WaitAsync(address, process, started, cancellationToken);
            return host;
        }
        catch (Exception e)
        {
            await host.DisposeAsync();
            throw new InvalidOperationException("AiChat.Server did not become healthy:\n" + host._output.Text, e);
        }
    }

    public long RssBytes() => ProcFs.RssBytes(_process.Id);

    /// <summary>What the server has written so far (its log, at Warning and above).</summary>
    public string Output => _output.Text;

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

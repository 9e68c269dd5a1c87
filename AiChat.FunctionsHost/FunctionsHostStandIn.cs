using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Yarp.ReverseProxy.Forwarder;

namespace AiChat.FunctionsHost;

/// <summary>
/// A stand-in for the Azure Functions host, for tests and local runs: it launches the real, unmodified isolated worker,
/// speaks the host's gRPC protocol to it, and proxies HTTP to the worker as the host does with ASP.NET Core integration.
/// It is not the Functions host: no function keys, no host CORS, no scale-out (see docs/functions-host-stand-in.md#what-it-is-not).
/// </summary>
public sealed class FunctionsHostStandIn : IAsyncDisposable
{
    private static readonly TimeSpan TerminateGrace = TimeSpan.FromSeconds(5);

    private readonly WebApplication _rpc;
    private readonly WorkerChannel _worker;
    private readonly WorkerLaunch _launch;
    private WebApplication? _http;
    private HttpMessageInvoker? _invoker;

    private FunctionsHostStandIn(WebApplication rpc, WorkerChannel worker, WorkerLaunch launch)
    {
        _rpc = rpc;
        _worker = worker;
        _launch = launch;
    }

    /// <summary>The address callers use, e.g. http://127.0.0.1:7071/.</summary>
    public Uri Address { get; private set; } = null!;

    public FunctionRouteTable Routes { get; private set; } = null!;

    public static async Task<FunctionsHostStandIn> StartAsync(StandInOptions options, CancellationToken cancellationToken = default)
    {
        var appDirectory = Path.GetFullPath(options.AppDirectory);
        var workerPath = WorkerConfig.ReadWorkerPath(appDirectory);
        var workerId = Guid.NewGuid().ToString();

        var rpcBuilder = NewBuilder(options);
        rpcBuilder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        rpcBuilder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = null;
            grpc.MaxSendMessageSize = null;
        });
        rpcBuilder.Services.AddSingleton(provider => new WorkerChannel(workerId, appDirectory, provider.GetRequiredService<ILoggerFactory>().CreateLogger("Function.Worker")));
        var rpc = rpcBuilder.Build();
        rpc.MapGrpcService<FunctionRpcService>();
        await rpc.StartAsync(cancellationToken);

        var logger = rpc.Services.GetRequiredService<ILoggerFactory>().CreateLogger("AiChat.FunctionsHost");
        var worker = rpc.Services.GetRequiredService<WorkerChannel>();
        var launch = WorkerLaunch.Start(appDirectory, workerPath, new Uri(rpc.Urls.First() + "/"), workerId, options.AppSettings, logger);
        var host = new FunctionsHostStandIn(rpc, worker, launch);
        try
        {
            await host.ServeAsync(appDirectory, options, logger, cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public async Task WaitForShutdownAsync(CancellationToken cancellationToken = default)
    {
        if (_http is not null)
        {
            await _http.WaitForShutdownAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_http is not null)
        {
            await _http.StopAsync();
            await _http.DisposeAsync();
        }

        _worker.Terminate(TerminateGrace);
        await _launch.DisposeAsync();
        await _rpc.StopAsync();
        await _rpc.DisposeAsync();
        _invoker?.Dispose();
    }

    private async Task ServeAsync(string appDirectory, StandInOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.StartTimeout);
        var initializing = _worker.InitializeAsync(timeout.Token);
        if (await Task.WhenAny(initializing, _launch.Exited) != initializing)
        {
            throw new InvalidOperationException($"The worker exited with code {await _launch.Exited} before it was ready; its output is in the host's log.");
        }

        var (workerUri, functions, at) = await initializing;
        await WaitForListeningAsync(workerUri, timeout.Token);
        var (ready, connected, initialized, loaded) = (Since(Stopwatch.GetTimestamp()), Since(at.Connected), Since(at.Initialized), Since(at.Loaded));
        StandInLog.WorkerReady(logger, ready, connected, initialized, functions.Count, loaded);
        Routes = FunctionRouteTable.Build(functions, HostJson.ReadRoutePrefix(appDirectory));

        _invoker = new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            ActivityHeadersPropagator = null,
            ConnectTimeout = TimeSpan.FromSeconds(15),
        });
        var httpBuilder = NewBuilder(options);
        httpBuilder.WebHost.ConfigureKestrel(kestrel =>
        {
            // The Functions host's own cap on a request body (FUNCTIONS_REQUEST_BODY_SIZE_LIMIT, 100 MB by default), not Kestrel's 30 MB.
            kestrel.Limits.MaxRequestBodySize = 104_857_600;
            if (options.Port == 0)
            {
                kestrel.Listen(IPAddress.Loopback, 0);
            }
            else
            {
                kestrel.ListenLocalhost(options.Port);
            }
        });
        httpBuilder.Services.AddHttpForwarder();
        _http = httpBuilder.Build();
        var proxy = new InvocationProxy(Routes, _worker, workerUri, _http.Services.GetRequiredService<IHttpForwarder>(), _invoker, logger);
        _http.Run(proxy.HandleAsync);
        await _http.StartAsync(cancellationToken);
        Address = new Uri(_http.Urls.First().Replace("[::1]", "localhost", StringComparison.Ordinal) + "/");
        StandInLog.Serving(logger, Routes.Routes.Count, Address);
    }

    private double Since(long timestamp) => Stopwatch.GetElapsedTime(_launch.StartedAt, timestamp).TotalMilliseconds;

    /// <summary>The worker reports HttpUri before its Kestrel listens; the real host covers that by retrying, the stand-in by waiting.</summary>
    private static async Task WaitForListeningAsync(Uri workerUri, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                using var socket = new TcpClient();
                await socket.ConnectAsync(workerUri.Host, workerUri.Port, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
            }
        }
    }

    private static WebApplicationBuilder NewBuilder(StandInOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        if (options.LoggerProvider is not null)
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(options.LoggerProvider);
        }

        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // The forwarder's per-request lines name the path, and a session route's path holds a session id.
        builder.Logging.AddFilter("Yarp", LogLevel.Warning);
        return builder;
    }
}

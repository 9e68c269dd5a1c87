using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using AiChat.Core.Chat;
using AiChat.Core.Configuration;
using AiChat.Core.Limits;
using AiChat.Core.Redis;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AiChat.Bench;

/// <summary>
/// <c>AiChat.Bench limits</c>: what one limit check costs a request, through <see cref="ClientLimits"/> as the
/// endpoints call it (identify the client, check, free the stream slot), against the memory store and against a
/// real redis-server on loopback, which this starts. Sequential calls give the latency a request pays; 16 callers
/// at once give what one instance can check per second.
/// </summary>
internal static class LimitCheckBench
{
    private const int Clients = 10_000;

    /// <summary>A small request: admission holds its estimate (prompt and output cap) on the client's day.</summary>
    private static readonly ChatRequest Request = new("qwen-plus", [new ChatMessage("user", "Hello")]) { MaxTokens = 16 };

    public static async Task<int> RunAsync()
    {
        var contexts = Enumerable.Range(0, Clients).Select(Context).ToArray();
        var limits = new LimitOptions { RequestsPerMinute = int.MaxValue, ConcurrentStreams = 1_000, TokensPerDay = long.MaxValue };
        Console.WriteLine($"limit check per request: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {Clients:N0} clients in turn");
        Console.WriteLine("| store | request | calls | mean | p50 | p99 | allocated per call | checks/s, 16 callers |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");

        var off = Gate(new MemoryLimitStore(TimeProvider.System), new LimitOptions { RequestsPerMinute = 0, ConcurrentStreams = 0 });
        await MeasureAsync("limits off", "completion", off, contexts, stream: false, calls: 1_000_000);
        var memory = Gate(new MemoryLimitStore(TimeProvider.System), limits);
        await MeasureAsync("memory", "completion", memory, contexts, stream: false, calls: 1_000_000);
        await MeasureAsync("memory", "stream (slot taken and freed)", memory, contexts, stream: true, calls: 1_000_000);

        using var redis = await RedisProcess.StartAsync();
        await using var connection = new RedisConnection(redis.Connection);
        var shared = Gate(new RedisLimitStore(connection, TimeProvider.System), limits);
        await MeasureAsync("redis (loopback)", "completion", shared, contexts, stream: false, calls: 50_000);
        await MeasureAsync("redis (loopback)", "stream (slot taken and freed)", shared, contexts, stream: true, calls: 50_000);
        return 0;
    }

    private static ClientLimits Gate(ILimitStore store, LimitOptions limits) =>
        new(store, Options.Create(limits), Options.Create(new AiChatOptions()), TrustedProxies.None, TimeProvider.System, NullLogger<ClientLimits>.Instance);

    private static DefaultHttpContext Context(int client)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = new IPAddress([10, (byte)(client >> 16), (byte)(client >> 8), (byte)client]);
        return context;
    }

    private static async Task MeasureAsync(string store, string request, ClientLimits gate, DefaultHttpContext[] contexts, bool stream, int calls)
    {
        await RunCallsAsync(gate, contexts, stream, calls / 10, null);
        var times = new long[calls];
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        await RunCallsAsync(gate, contexts, stream, calls, times);
        var elapsed = Stopwatch.GetElapsedTime(started);
        // Only meaningful where every call completes synchronously on this thread (the memory store): Redis's continue on other threads.
        var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)calls;
        var synchronous = store != "redis (loopback)";
        Array.Sort(times);

        var parallelCalls = 0L;
        var until = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 3;
        await Task.WhenAll(Enumerable.Range(0, 16).Select(worker => Task.Run(async () =>
        {
            for (var i = worker; Stopwatch.GetTimestamp() < until; i += 16)
            {
                await using var admission = await gate.AdmitAsync(contexts[i % contexts.Length], Request, stream, CancellationToken.None);
                Interlocked.Increment(ref parallelCalls);
            }
        })));

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {store} | {request} | {calls:N0} | {elapsed.TotalMicroseconds / calls:F2} µs | {Micro(times[calls / 2])} | {Micro(times[calls * 99 / 100])} | {(synchronous ? $"{allocated:F0} B" : "n/a (async)")} | {parallelCalls / 3.0:N0} |"));
    }

    private static async Task RunCallsAsync(ClientLimits gate, DefaultHttpContext[] contexts, bool stream, int calls, long[]? times)
    {
        for (var i = 0; i < calls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await using (var admission = await gate.AdmitAsync(contexts[i % contexts.Length], Request, stream, CancellationToken.None))
            {
                if (admission.Refusal is not null)
                {
                    throw new InvalidOperationException("The bench's limits refused a call: " + admission.Refusal.Message);
                }
            }

            if (times is not null)
            {
                times[i] = Stopwatch.GetTimestamp() - start;
            }
        }
    }

    private static string Micro(double stopwatchTicks) =>
        string.Create(CultureInfo.InvariantCulture, $"{stopwatchTicks * 1_000_000 / Stopwatch.Frequency:F2} µs");

    /// <summary>Debian's redis-server on a free loopback port, no persistence.</summary>
    private sealed class RedisProcess : IDisposable
    {
        private readonly Process _process;

        private RedisProcess(Process process, int port)
        {
            _process = process;
            Connection = $"127.0.0.1:{port}";
        }

        public string Connection { get; }

        public static async Task<RedisProcess> StartAsync()
        {
            int port;
            using (var listener = new TcpListener(IPAddress.Loopback, 0))
            {
                listener.Start();
                port = ((IPEndPoint)listener.LocalEndpoint).Port;
            }

            var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var process = new Process
            {
                StartInfo = new ProcessStartInfo("redis-server", ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
                {
                    RedirectStandardOutput = true,
                },
            };
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data?.Contains("Ready to accept connections", StringComparison.Ordinal) == true)
                {
                    ready.TrySetResult();
                }
            };
            process.Start();
            process.BeginOutputReadLine();
            await ready.Task.WaitAsync(TimeSpan.FromSeconds(30));
            return new RedisProcess(process, port);
        }

        public void Dispose()
        {
            _process.Kill();
            _process.WaitForExit();
            _process.Dispose();
        }
    }
}

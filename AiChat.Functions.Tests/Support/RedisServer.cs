using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AiChat.Functions.Tests.Support;

/// <summary>
/// A real redis-server (Debian's package) on a free loopback port, with no persistence, for the tests of one class.
/// Without redis-server installed the tests that need it fail, saying so: they must not pass without Redis.
/// </summary>
public sealed class RedisServer : IAsyncLifetime, IDisposable
{
    private static readonly string[] Executables = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"];

    private Process? _process;

    public int Port { get; private set; }

    public string Connection => $"127.0.0.1:{Port}";

    public async Task InitializeAsync()
    {
        var executable = Executables.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "redis-server is not installed, and the session tests need a real Redis: run `sudo apt-get install redis-server` (.ci/run does).");
        Port = FreePort();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _process = new Process
        {
            StartInfo = new ProcessStartInfo(executable, ["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--daemonize", "no"])
            {
                RedirectStandardOutput = true,
            },
            EnableRaisingEvents = true,
        };
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("Ready to accept connections", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        _process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"redis-server exited with {_process.ExitCode}."));
        _process.Start();
        _process.BeginOutputReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        Dispose();
    }

    public void Dispose() => _process?.Dispose();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

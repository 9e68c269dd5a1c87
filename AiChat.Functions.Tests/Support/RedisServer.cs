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
        Port = FreePort();
        _process = await LaunchAsync(["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1"]);
    }

    /// <summary>Starts redis-server with <paramref name="arguments"/>, without persistence, and waits until it accepts connections.</summary>
    internal static async Task<Process> LaunchAsync(IEnumerable<string> arguments)
    {
        var executable = Executables.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "redis-server is not installed, and the session tests need a real Redis: run `sudo apt-get install redis-server` (.ci/run does).");
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process
        {
            StartInfo = new ProcessStartInfo(executable, [.. arguments, "--save", "", "--appendonly", "no", "--daemonize", "no"])
            {
                RedirectStandardOutput = true,
            },
            EnableRaisingEvents = true,
        };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("Ready to accept connections", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"redis-server exited with {process.ExitCode}."));
        process.Start();
        process.BeginOutputReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return process;
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

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

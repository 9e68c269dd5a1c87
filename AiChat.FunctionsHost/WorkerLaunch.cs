using System.Diagnostics;

namespace AiChat.FunctionsHost;

/// <summary>
/// The worker process as the Functions host starts it: `dotnet AiChat.Functions.dll` with the host's switches, in the
/// app directory, with the host's environment plus the app settings, output captured into the host's log.
/// </summary>
internal sealed class WorkerLaunch : IAsyncDisposable
{
    private static readonly string[] ServerUrlVariables = ["ASPNETCORE_URLS", "URLS", "HTTP_PORTS", "HTTPS_PORTS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS"];

    private readonly Process _process;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WorkerLaunch(Process process, ILogger logger)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Log(logger, LogLevel.Information, e.Data);
        _process.ErrorDataReceived += (_, e) => Log(logger, LogLevel.Warning, e.Data);
        _process.Exited += (_, _) => _exited.TrySetResult(_process.ExitCode);
    }

    /// <summary><see cref="Stopwatch.GetTimestamp"/> just before the worker process was started.</summary>
    public long StartedAt { get; private init; }

    /// <summary>Completes with the exit code when the worker exits.</summary>
    public Task<int> Exited => _exited.Task;

    public static WorkerLaunch Start(string appDirectory, string workerPath, Uri hostEndpoint, string workerId, IReadOnlyDictionary<string, string?> appSettings, ILogger logger)
    {
        var requestId = Guid.NewGuid().ToString();
        var port = hostEndpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = appDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[
            Path.Combine(appDirectory, workerPath),
            "--host", hostEndpoint.Host, "--port", port, "--workerId", workerId, "--requestId", requestId,
            "--grpcMaxMessageLength", "2147483647",
            "--functions-uri", hostEndpoint.AbsoluteUri, "--functions-worker-id", workerId, "--functions-request-id", requestId,
            "--functions-grpc-max-message-length", "2147483647"])
        {
            start.ArgumentList.Add(argument);
        }

        // A server address from the host's own environment would win over the HttpUri the worker picks for itself.
        foreach (var name in start.Environment.Keys.Where(IsServerAddressSetting).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["FUNCTIONS_APPLICATION_DIRECTORY"] = appDirectory;
        start.Environment["FUNCTIONS_WORKER_DIRECTORY"] = appDirectory;
        start.Environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        foreach (var (name, value) in appSettings)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var launch = new WorkerLaunch(process, logger) { StartedAt = Stopwatch.GetTimestamp() };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return launch;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_exited.Task.IsCompleted)
        {
            await Task.WhenAny(_exited.Task, Task.Delay(TimeSpan.FromSeconds(5)));
        }

        if (!_exited.Task.IsCompleted)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static bool IsServerAddressSetting(string name) =>
        ServerUrlVariables.Contains(name, StringComparer.OrdinalIgnoreCase)
        || name.StartsWith("Kestrel__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("ASPNETCORE_Kestrel__", StringComparison.OrdinalIgnoreCase);

    private static void Log(ILogger logger, LogLevel level, string? line)
    {
        if (!string.IsNullOrEmpty(line))
        {
            StandInLog.WorkerOutput(logger, level, line);
        }
    }
}

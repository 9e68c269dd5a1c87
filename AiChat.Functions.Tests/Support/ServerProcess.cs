namespace AiChat.Functions.Tests.Support;

/// <summary>
/// AiChat.Server run as its own process on a free loopback port, configured by environment variables as a user
/// would configure it: as `dotnet run` runs it (where the in-process factory cannot stand in: the embedded emulator is
/// a second host built inside Program, which the factory would take for the application's own), or as
/// `dotnet publish` ships it, native (<see cref="HostKind.NativeSelfHost"/>).
/// </summary>
public sealed partial class ServerProcess : IAiChatHost
{
    private static readonly TimeSpan NativeStartPatience = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly RecordingLoggerProvider _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerProcess(ProcessStartInfo start)
    {
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Record(e.Data);
        _process.ErrorDataReceived += (_, e) => Record(e.Data);
        _process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException("AiChat.Server exited:\n" + string.Join('\n', LogLines)));
    }

    public Uri Address => _listening.Task.Result;

    /// <summary>The server's process id, e.g. to read its memory from /proc.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Every line the server wrote to its console.</summary>
    public IReadOnlyCollection<string> LogLines => _output.Lines;

    public Task WaitForLogLinesAsync(Func<string, bool> match, int count, CancellationToken cancellationToken) =>
        _output.WaitForLinesAsync(match, count, cancellationToken);

    /// <summary>The build output's AiChat.Server.dll, run by dotnet.</summary>
    public static Task<ServerProcess> StartAsync(string environment, IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken) =>
        StartAsync(new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "AiChat.Server.dll")]), environment, settings, cancellationToken);

    /// <summary>The native AiChat.Server (<see cref="NativeServerBuild"/>), its log one line an entry, settings as for the in-process self-host.</summary>
    public static async Task<ServerProcess> StartNativeAsync(IReadOnlyDictionary<string, string?> settings, string environment)
    {
        var all = new Dictionary<string, string?>
        {
            [TestDefaults.AllowUnboundedSpend] = "true",
            ["Logging:Console:FormatterOptions:SingleLine"] = "true",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var executable = await NativeServerBuild.ExecutableAsync();
        using var patience = new CancellationTokenSource(NativeStartPatience);
        return await StartAsync(new ProcessStartInfo(executable), environment, all, patience.Token);
    }

    private static async Task<ServerProcess> StartAsync(
        ProcessStartInfo start, string environment, IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.WorkingDirectory = Path.GetDirectoryName(start.FileName) is { Length: > 0 } directory ? directory : AppContext.BaseDirectory;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        // Settings the test process may have, which a fresh machine would not.
        start.Environment["DASHSCOPE_API_KEY"] = null;
        start.Environment["DASHSCOPE_BASE_URL"] = null;
        start.Environment["KEY_VAULT_URI"] = null;
        foreach (var (key, value) in settings)
        {
            // Environment variables write ':' in a configuration key as '__'.
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var server = new ServerProcess(start);
        server._process.Start();
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        try
        {
            await server._listening.Task.WaitAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Add(line);
        if (ListeningLine().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups["address"].Value));
        }
    }

    [GeneratedRegex(@"Now listening on: (?<address>http://\S+)")]
    private static partial Regex ListeningLine();
}

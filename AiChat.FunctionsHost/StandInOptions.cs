namespace AiChat.FunctionsHost;

/// <summary>What the stand-in host needs to run one Functions app: where its build output is and what to give it.</summary>
public sealed class StandInOptions
{
    /// <summary>The worker's build output: AiChat.Functions.dll, worker.config.json, functions.metadata and host.json.</summary>
    public required string AppDirectory { get; init; }

    /// <summary>The HTTP port callers use; 0 picks a free loopback port.</summary>
    public int Port { get; init; }

    /// <summary>App settings, given to the worker as environment variables as Core Tools and Azure give them.</summary>
    public IReadOnlyDictionary<string, string?> AppSettings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Where the stand-in's own log and the worker's output and RpcLog messages go.</summary>
    public ILoggerProvider? LoggerProvider { get; init; }

    /// <summary>How long the worker may take from launch until every function is loaded and its HTTP server answers.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}

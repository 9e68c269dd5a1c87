namespace AiChat.FunctionsHost;

internal static partial class StandInLog
{
    [LoggerMessage(Message = "{Line}")]
    public static partial void WorkerOutput(ILogger logger, LogLevel level, string line);

    [LoggerMessage(Message = "{Category}: {Message}{Exception}")]
    public static partial void WorkerLog(ILogger logger, LogLevel level, string category, string message, string exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Functions host stand-in serving {Count} functions at {Address}")]
    public static partial void Serving(ILogger logger, int count, Uri address);

    /// <summary>The worker's start-up, each step in ms from just before its process started; the bench reads this line.</summary>
    [LoggerMessage(Level = LogLevel.Information, Message = "Worker ready for invocations at {ReadyMs:F0} ms: EventStream open at {ConnectedMs:F0} ms, WorkerInitResponse at {InitializedMs:F0} ms, {Count} functions loaded at {LoadedMs:F0} ms")]
    public static partial void WorkerReady(ILogger logger, double readyMs, double connectedMs, double initializedMs, int count, double loadedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Forwarding {Function} ({InvocationId}) failed: {Error}")]
    public static partial void ForwardingFailed(ILogger logger, string function, string invocationId, Yarp.ReverseProxy.Forwarder.ForwarderError error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Invocation {InvocationId} ended {Status}: {Message}")]
    public static partial void InvocationFailed(ILogger logger, string invocationId, string status, string? message);
}

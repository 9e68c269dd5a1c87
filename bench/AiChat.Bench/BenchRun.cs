namespace AiChat.Bench;

/// <summary>Everything one run measured, and how it went.</summary>
internal sealed record BenchRun(
    BenchPlan Plan,
    ServerLaunch Server,
    RunMetadata Metadata,
    IReadOnlyList<CompletionResult> Completions,
    StreamResult Streams,
    CapacityResult Capacity,
    Distribution Startup,
    AbortResult Abort,
    Failures Failures,
    double OthersCpuPercent,
    TimeSpan Duration)
{
    public required FunctionsResult Functions { get; init; }

    public int LostEvents => Streams.Direct.LostEvents + Streams.Through.LostEvents + Capacity.LostEvents;

    /// <summary>A run with errors or lost events measured something other than AiChat working; a missed goal does not void it.</summary>
    public bool IsValid => Failures.Count == 0 && LostEvents == 0;
}

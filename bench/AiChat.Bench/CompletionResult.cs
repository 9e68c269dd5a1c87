namespace AiChat.Bench;

/// <summary>Non-streaming completions at one concurrency, both routes measured in interleaved slices.</summary>
internal sealed record CompletionResult(
    int Concurrency,
    Distribution Direct,
    Distribution Through,
    double DirectPerSecond,
    double ThroughPerSecond,
    Distribution AddedP50PerBlock,
    double ServerCpuMicrosecondsPerRequest,
    double OthersCpuPercent)
{
    public double AddedP50 => Through.P50 - Direct.P50;

    public double AddedP99 => Through.P99 - Direct.P99;
}

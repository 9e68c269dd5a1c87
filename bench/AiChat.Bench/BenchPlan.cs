namespace AiChat.Bench;

/// <summary>How long and how hard each figure is measured. Every loop is bounded by these numbers.</summary>
internal sealed record BenchPlan(
    string Name,
    int CompletionBlocks,
    int StreamSeconds,
    int OpenStreams,
    int StartupRuns,
    int AbortSamples,
    int OpenStreamWords)
{
    public static readonly BenchPlan Full = new("full", CompletionBlocks: 8, StreamSeconds: 15, OpenStreams: 5000, StartupRuns: 10, AbortSamples: 200, OpenStreamWords: 12);

    public static readonly BenchPlan Quick = new("quick", CompletionBlocks: 2, StreamSeconds: 4, OpenStreams: 1000, StartupRuns: 3, AbortSamples: 20, OpenStreamWords: 4);

    public IReadOnlyList<int> Concurrencies { get; } = [1, 32, 256];

    /// <summary>Each block is four slices, direct-through-through-direct, so a drift in load hits both routes alike.</summary>
    public TimeSpan Slice { get; } = TimeSpan.FromMilliseconds(300);

    public int StreamConcurrency { get; init; } = 16;

    public int StreamChunkDelayMs { get; init; } = 20;

    public int OpenBatch { get; init; } = 500;

    public int OpenChunkDelayMs { get; init; } = 2000;
}

namespace AiChat.Bench;

/// <summary>One line of the summary: a figure, its goal on this machine, what was measured, and whether it met it.</summary>
internal sealed record Goal(string Figure, string Target, string Measured, bool Met)
{
    public static IReadOnlyList<Goal> Evaluate(BenchRun run)
    {
        var at32 = run.Completions.First(c => c.Concurrency == 32);
        var streams = run.Streams;
        var capacity = run.Capacity;
        return
        [
            new("added latency p50, completions at concurrency 32", "≤ 0.3 ms", Text.Ms(at32.AddedP50), at32.AddedP50 <= 0.3),
            new("added latency p99, completions at concurrency 32", "≤ 2 ms", Text.Ms(at32.AddedP99), at32.AddedP99 <= 2),
            new("added time to first token p50", "≤ 0.5 ms", Text.Ms(streams.AddedFirstEventP50), streams.AddedFirstEventP50 <= 0.5),
            new("added inter-chunk delay p99", "≤ 1 ms", Text.Ms(streams.AddedGapP99), streams.AddedGapP99 <= 1),
            new("upstream events merged into one client read", "0",
                $"{Text.Int(streams.Through.MergedEvents)} of {Text.Int(streams.Through.Events)} (direct: {Text.Int(streams.Direct.MergedEvents)})",
                streams.Through.MergedEvents == 0),
            new("concurrent open streams, one instance", $"≥ {Text.Int(capacity.Target)}", Text.Int(capacity.PeakOpen), capacity.PeakOpen >= capacity.Target),
            new("server memory per open stream", "≤ 64 KB", Text.Kb(capacity.BytesPerStream), capacity.BytesPerStream <= 64 * 1024),
            new("frames lost", "0", Text.Int(run.LostEvents), run.LostEvents == 0),
            new("process start to first 200 from /health (median)", "≤ 250 ms", Text.Ms(run.Startup.P50, 0), run.Startup.P50 <= 250),
            new("client disconnect to upstream abort p99", "≤ 50 ms", Text.Ms(run.Abort.Through.P99), run.Abort.Through.P99 <= 50),
        ];
    }
}

using System.Globalization;
using System.Text;

namespace AiChat.Bench;

/// <summary>
/// The floor comparison in markdown: one row per figure, the direct call's own value, then each build's figure as what
/// it adds to the direct call, the bare hop first; the last columns hold this build against the hop and the goal.
/// </summary>
internal static class FloorReport
{
    public static string Write(RunMetadata m, BenchPlan plan, ServerLaunch launch, FloorFigures f, Failures failures)
    {
        var report = new StringBuilder();
        report.AppendLine("# AiChat beside a bare forwarding hop").AppendLine();
        report.AppendLine(Text.Header("run", ""));
        report.AppendLine(Text.Row("date", m.Started.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)));
        report.AppendLine(Text.Row("commit", m.Commit));
        report.AppendLine(Text.Row("machine", $"{m.Machine}, load average {m.LoadAtStart} at start"));
        report.AppendLine(Text.Row("runtime", m.Runtime));
        report.AppendLine(Text.Row("plan", plan.Name));
        report.AppendLine(Text.Row("setup", $"every build published in Release and run as its own process (Production, {launch.GarbageCollector()}); " +
            "the bare hop is ASP.NET Core with YARP's `IHttpForwarder`, forwarding every request to the emulator and parsing nothing; " +
            "the emulator and the load generator share the bench process; every phase rotates the routes so they share the noise"));
        report.AppendLine(Text.Row("validity", failures.Count == 0 ? "valid: no errors" : $"INVALID: {Text.Int(failures.Count)} errors"));
        report.AppendLine().AppendLine("## Figures").AppendLine();
        report.AppendLine("Added = the route's figure minus the direct call's, in the same phase. Streams: the emulator sends a role chunk, then " +
            $"text every {FloorStreamBench.ChunkDelayMs} ms. \"From hand-over\": from the emulator handing its first text frame to the " +
            "socket to the client's read of the first event with text (no emulator timer in it).").AppendLine();

        string[] builds = [.. f.Builds];
        report.AppendLine(Text.Header(["figure", "direct", .. builds, "this − bare hop", "goal", ""]));
        var hop = FloorRun.Hop;
        if (f.Completions.TryGetValue(1, out var at1))
        {
            Added(report, "added latency, completion, 1 at a time, p50", at1.ToDictionary(c => c.Key, c => c.Value.Latency.P50), builds, 0.1);
        }

        if (f.Completions.TryGetValue(32, out var at32))
        {
            var ratio = at32["this"].PerSecond / at32[hop].PerSecond;
            report.AppendLine(Text.Row(["throughput, completions, 32 at a time", Rate(at32["direct"].PerSecond),
                .. builds.Select(b => $"{Rate(at32[b].PerSecond)} ({(at32[b].PerSecond / at32[hop].PerSecond).ToString("0.00", CultureInfo.InvariantCulture)}x)"),
                $"{ratio.ToString("0.00", CultureInfo.InvariantCulture)}x", "≥ 0.95x", ratio >= 0.95 ? "met" : "**missed**"]));
        }

        foreach (var ((protocol, concurrency), streams) in f.Streams.OrderBy(s => s.Key.Protocol).ThenBy(s => s.Key.Concurrency))
        {
            Added(report, $"added time to first content, {protocol}, {concurrency} at a time, p50", streams.ToDictionary(s => s.Key, s => s.Value.FromSend.P50), builds, 0.2);
            Added(report, $"… from hand-over, p50", streams.ToDictionary(s => s.Key, s => s.Value.FromUpstream.P50), builds, 0.2);
        }

        if (f.Thinking.Count > 0)
        {
            // A build that predates thinking refuses the model, or relays no reasoning: it has no samples, shown as NaN.
            Added(report, $"added time to first reasoning, {FloorRun.ThinkingModel}, compatible, 1 at a time, p50", f.Thinking.ToDictionary(s => s.Key, s => s.Value.FirstReasoning.P50), builds, 0.2);
            Added(report, $"added time to first content, {FloorRun.ThinkingModel}, compatible, 1 at a time, p50", f.Thinking.ToDictionary(s => s.Key, s => s.Value.FromSend.P50), builds, 0.2);
        }

        foreach (var ((protocol, _), streams) in f.Streams.Where(s => s.Key.Concurrency == 1).OrderBy(s => s.Key.Protocol))
        {
            Added(report, $"added inter-chunk delay p99, {protocol}, 1 stream", streams.ToDictionary(s => s.Key, s => s.Value.Gaps.P99), builds, 0.2);
        }

        if (f.Aborts.Count > 0)
        {
            Absolute(report, $"client disconnect to upstream abort, p99 of {Text.Int(f.Aborts["this"].Count)}", f.Aborts.ToDictionary(a => a.Key, a => a.Value.P99), builds, "within 2 ms of the hop", v => v <= f.Aborts[hop].P99 + 2);
        }

        if (f.Startup.Count > 0)
        {
            Absolute(report, $"process start to first 200 from /health, median of {Text.Int(f.Startup["this"].Count)}", f.Startup.ToDictionary(s => s.Key, s => s.Value.P50), builds, "≤ 150 ms", v => v <= 150, decimals: 0);
        }

        report.AppendLine().AppendLine("## Samples").AppendLine();
        string[] routes = ["direct", .. builds];
        report.AppendLine(Text.Header(["phase", .. routes]));
        foreach (var (concurrency, completions) in f.Completions)
        {
            report.AppendLine(Text.Row([$"completions at {concurrency}: requests, p50 / p99", .. routes.Select(r => $"{Text.Int(completions[r].Latency.Count)}, {Text.Ms(completions[r].Latency.P50)} / {Text.Ms(completions[r].Latency.P99)}")]));
        }

        foreach (var ((protocol, concurrency), streams) in f.Streams.OrderBy(s => s.Key.Protocol).ThenBy(s => s.Key.Concurrency))
        {
            report.AppendLine(Text.Row([$"streams, {protocol}, {concurrency} at a time: streams, first content p50 / p90, inter-chunk p50 / p99", .. routes.Select(r =>
                $"{Text.Int(streams[r].FromSend.Count)}, {Text.Ms(streams[r].FromSend.P50)} / {Text.Ms(streams[r].FromSend.Percentile(0.9))}, {Text.Ms(streams[r].Gaps.P50)} / {Text.Ms(streams[r].Gaps.P99)}")]));
        }

        foreach (var (name, startup) in f.Startup)
        {
            report.AppendLine(Text.Row([$"start-up of {name}: min / median / max", "", .. builds.Select(b => b == name ? $"{Text.Ms(startup.Percentile(0), 0)} / {Text.Ms(startup.P50, 0)} / {Text.Ms(startup.Max, 0)}" : "")]));
        }

        if (failures.Count > 0)
        {
            report.AppendLine().AppendLine("## Errors").AppendLine();
            foreach (var failure in failures.First)
            {
                report.AppendLine($"- {failure}");
            }
        }

        return report.ToString();
    }

    /// <summary>A row of figures added to the direct call's; the goal: this build within <paramref name="margin"/> ms of the hop.</summary>
    private static void Added(StringBuilder report, string figure, Dictionary<string, double> values, string[] builds, double margin)
    {
        var direct = values["direct"];
        var gap = values["this"] - values[FloorRun.Hop];
        report.AppendLine(Text.Row([figure, Text.Ms(direct), .. builds.Select(b => Signed(values[b] - direct)), Text.Ms(gap),
            $"≤ {Text.Ms(margin)}", gap <= margin ? "met" : "**missed**"]));
    }

    private static void Absolute(StringBuilder report, string figure, Dictionary<string, double> values, string[] builds, string goal, Func<double, bool> met, int decimals = 2)
    {
        report.AppendLine(Text.Row([figure, values.TryGetValue("direct", out var direct) ? Text.Ms(direct, decimals) : "", .. builds.Select(b => Text.Ms(values[b], decimals)),
            Text.Ms(values["this"] - values[FloorRun.Hop], decimals), goal, met(values["this"]) ? "met" : "**missed**"]));
    }

    private static string Signed(double milliseconds) => (milliseconds >= 0 ? "+" : "") + Text.Ms(milliseconds);

    private static string Rate(double perSecond) => Text.Int(perSecond) + " req/s";
}

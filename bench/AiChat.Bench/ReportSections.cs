using System.Text;

namespace AiChat.Bench;

/// <summary>One table per figure: both routes side by side, and how they were measured.</summary>
internal static class ReportSections
{
    public static void Completions(StringBuilder report, BenchRun run)
    {
        Section(report, "Non-streaming completions",
            $"Closed loop: N clients each send the next `POST` as soon as the last is answered. The routes take turns in " +
            $"{Text.Int(run.Plan.Slice.TotalMilliseconds)} ms slices (direct, through, through, direct), {run.Plan.CompletionBlocks} blocks per " +
            "concurrency. Added = through AiChat minus direct, per percentile. The spread is the added p50 of single blocks (min to max). " +
            "Server CPU is the server process's CPU time over the through requests: in a closed loop on two shared cores, each " +
            "microsecond of it is queueing that every other request waits behind, so it is what drives added latency under load.");
        report.AppendLine(Text.Header("concurrency", "direct p50", "through p50", "added p50", "direct p99", "through p99", "added p99",
            "direct req/s", "through req/s", "requests (direct / through)", "added p50 spread", "server CPU per request", "others' CPU"));
        foreach (var c in run.Completions)
        {
            report.AppendLine(Text.Row(Text.Int(c.Concurrency), Text.Ms(c.Direct.P50), Text.Ms(c.Through.P50), Text.Ms(c.AddedP50),
                Text.Ms(c.Direct.P99), Text.Ms(c.Through.P99), Text.Ms(c.AddedP99), Text.Int(c.DirectPerSecond), Text.Int(c.ThroughPerSecond),
                $"{Text.Int(c.Direct.Count)} / {Text.Int(c.Through.Count)}", $"{Text.Ms(c.AddedP50PerBlock.Percentile(0))} to {Text.Ms(c.AddedP50PerBlock.Max)}",
                Text.Us(c.ServerCpuMicrosecondsPerRequest), Text.Percent(c.OthersCpuPercent)));
        }
    }

    public static void Streams(StringBuilder report, StreamResult s)
    {
        Section(report, "Streams",
            $"{s.Concurrency} streams at once, each worker alternating the routes stream by stream; the emulator paces events " +
            $"{s.ChunkDelayMs} ms apart (`[[chunk-delay-ms:{s.ChunkDelayMs}]]`). First token: from sending the request to the first " +
            "complete event. Inter-chunk: between consecutive events. Merged: events that completed in the same client read as the " +
            $"one before them: with events {s.ChunkDelayMs} ms apart that takes a stall as long somewhere on the way, which the inter-chunk max shows. Others' CPU during the phase: {Text.Percent(s.OthersCpuPercent)}.");
        report.AppendLine(Text.Header("", "direct", "through", "added"));
        report.AppendLine(Text.Row("time to first token p50", Text.Ms(s.Direct.FirstEvent.P50), Text.Ms(s.Through.FirstEvent.P50), Text.Ms(s.AddedFirstEventP50)));
        report.AppendLine(Text.Row("time to first token p99", Text.Ms(s.Direct.FirstEvent.P99), Text.Ms(s.Through.FirstEvent.P99), Text.Ms(s.AddedFirstEventP99)));
        report.AppendLine(Text.Row("inter-chunk p50", Text.Ms(s.Direct.Gaps.P50), Text.Ms(s.Through.Gaps.P50), Text.Ms(s.AddedGapP50)));
        report.AppendLine(Text.Row("inter-chunk p99", Text.Ms(s.Direct.Gaps.P99), Text.Ms(s.Through.Gaps.P99), Text.Ms(s.AddedGapP99)));
        report.AppendLine(Text.Row("inter-chunk max", Text.Ms(s.Direct.Gaps.Max), Text.Ms(s.Through.Gaps.Max), ""));
        report.AppendLine(Text.Row("merged events", Text.Int(s.Direct.MergedEvents), Text.Int(s.Through.MergedEvents), ""));
        report.AppendLine(Text.Row("streams / events", $"{Text.Int(s.Direct.Streams)} / {Text.Int(s.Direct.Events)}", $"{Text.Int(s.Through.Streams)} / {Text.Int(s.Through.Events)}", ""));
        report.AppendLine(Text.Row("lost events", Text.Int(s.Direct.LostEvents), Text.Int(s.Through.LostEvents), ""));
    }

    public static void Capacity(StringBuilder report, CapacityResult c)
    {
        Section(report, "Open streams",
            $"A fresh server, warmed up, then streams opened through it in batches of up to 500, each batch once the last has its " +
            $"first events; the emulator paces one event every {Text.Int(c.ChunkDelayMs)} ms. Memory per stream is the server's " +
            "resident set (VmRSS) at the peak minus before the ramp, over the streams open at the peak; every stream then runs to " +
            $"its `[DONE]`. Others' CPU during the phase: {Text.Percent(c.OthersCpuPercent)}.");
        report.AppendLine(Text.Header("target", "held at once", "refused", "ramp", "RSS before", "RSS at peak", "RSS after", "per stream", "open files at peak", "completed", "lost events"));
        report.AppendLine(Text.Row(Text.Int(c.Target), Text.Int(c.PeakOpen), Text.Int(c.RefusedToOpen), $"{c.RampSeconds:0.0} s",
            Text.Mb(c.RssBefore), Text.Mb(c.RssAtPeak), Text.Mb(c.RssAfter), Text.Kb(c.BytesPerStream), Text.Int(c.FileDescriptorsAtPeak), Text.Int(c.Completed), Text.Int(c.LostEvents)));
    }

    public static void Startup(StringBuilder report, Distribution startup)
    {
        Section(report, "Start-up",
            "`dotnet AiChat.Server.dll` started afresh each time (one uncounted start first warms the disk cache); from just " +
            "before the process starts to the first 200 from `GET /health`, polled every millisecond.");
        report.AppendLine(Text.Header("starts", "min", "median", "max"));
        report.AppendLine(Text.Row(Text.Int(startup.Count), Text.Ms(startup.Percentile(0), 0), Text.Ms(startup.P50, 0), Text.Ms(startup.Max, 0)));
    }

    public static void Abort(StringBuilder report, AbortResult a)
    {
        Section(report, "Disconnect to upstream abort",
            "One paced stream at a time; after its first event the client closes the connection, and the emulator stamps when " +
            "it saw its request aborted (direct: the client's own request; through: AiChat's upstream request). " +
            $"Others' CPU during the phase: {Text.Percent(a.OthersCpuPercent)}.");
        report.AppendLine(Text.Header("", "samples", "p50", "p99", "max"));
        report.AppendLine(Text.Row("direct", Text.Int(a.Direct.Count), Text.Ms(a.Direct.P50), Text.Ms(a.Direct.P99), Text.Ms(a.Direct.Max)));
        report.AppendLine(Text.Row("through AiChat", Text.Int(a.Through.Count), Text.Ms(a.Through.P50), Text.Ms(a.Through.P99), Text.Ms(a.Through.Max)));
    }

    private static void Section(StringBuilder report, string title, string how) =>
        report.AppendLine().AppendLine($"## {title}").AppendLine().AppendLine(how).AppendLine();
}

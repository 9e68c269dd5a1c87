using System.Text;

namespace AiChat.Bench;

/// <summary>The Functions path in the report: its figures beside the self-host's, then its own tables.</summary>
internal static class FunctionsSection
{
    /// <summary>Each figure of the Functions path beside the same figure of the self-host, measured in the same run.</summary>
    public static string Summary(BenchRun run)
    {
        var functions = run.Functions;
        var table = new StringBuilder(Text.Header("figure", "self-host", "Functions app through the stand-in")).AppendLine();
        table.AppendLine(Text.Row($"process start to first 200 from /health (median of {Text.Int(functions.Startup.ToHealthy.Count)})",
            Text.Ms(run.Startup.P50, 0), Text.Ms(functions.Startup.ToHealthy.P50, 0)));
        foreach (var f in functions.Completions)
        {
            var self = run.Completions.First(c => c.Concurrency == f.Concurrency);
            table.AppendLine(Text.Row($"added latency p50, completions at concurrency {f.Concurrency}", Text.Ms(self.AddedP50), Text.Ms(f.AddedP50)));
            table.AppendLine(Text.Row($"added latency p99, completions at concurrency {f.Concurrency}", Text.Ms(self.AddedP99), Text.Ms(f.AddedP99)));
        }

        table.AppendLine(Text.Row("added time to first token p50", Text.Ms(run.Streams.AddedFirstEventP50), Text.Ms(functions.Streams.AddedFirstEventP50)));
        table.AppendLine(Text.Row("added time to first token p99", Text.Ms(run.Streams.AddedFirstEventP99), Text.Ms(functions.Streams.AddedFirstEventP99)));
        return table.ToString();
    }

    public static void Write(StringBuilder report, BenchRun run)
    {
        var functions = run.Functions;
        report.AppendLine().AppendLine("## Functions path").AppendLine();
        report.AppendLine(
            "The Functions app through the Functions host stand-in, as a user runs it: `AiChat.FunctionsHost` published in Release " +
            "and started as `dotnet AiChat.FunctionsHost.dll --port N --app-dir AiChat.Functions/bin/Release/net10.0`, with " +
            "`AZURE_FUNCTIONS_ENVIRONMENT=Production`, `DASHSCOPE_API_KEY`, `DASHSCOPE_BASE_URL` (the bench's emulator) and logging at " +
            "Warning in its environment, which it passes on to the worker process it starts. A request goes from the client to the " +
            "stand-in, which sends the worker an invocation over gRPC and forwards the HTTP request to the worker's own Kestrel with YARP; " +
            "the worker calls the emulator. Each figure is measured as the self-host's is, against the direct call interleaved in the " +
            "same way, in its own phase of the run. No goals: the stand-in is not the Azure Functions host, so these figures compare " +
            "the two hosts of AiChat on this machine and do not predict Azure's.").AppendLine();
        report.AppendLine(Summary(run));

        report.AppendLine("### Functions path: start-up").AppendLine();
        report.AppendLine("The stand-in started afresh each time (one uncounted start first), from just before its process starts to the " +
            "first 200 from `GET /health` through it: the worker's launch, the gRPC handshake and the function loads included. Below it, the " +
            "worker's part as the stand-in times it, from just before it starts the worker process.").AppendLine();
        report.AppendLine(functions.Startup.Table());

        report.AppendLine().AppendLine("### Functions path: non-streaming completions").AppendLine();
        report.AppendLine("As for the self-host (closed loop, the same slices and blocks). CPU per request is the stand-in's and the worker's " +
            "together.").AppendLine();
        report.AppendLine(Text.Header("concurrency", "direct p50", "Functions p50", "added p50", "direct p99", "Functions p99", "added p99",
            "direct req/s", "Functions req/s", "requests (direct / Functions)", "added p50 spread", "stand-in + worker CPU per request", "others' CPU"));
        foreach (var c in functions.Completions)
        {
            report.AppendLine(Text.Row(Text.Int(c.Concurrency), Text.Ms(c.Direct.P50), Text.Ms(c.Through.P50), Text.Ms(c.AddedP50),
                Text.Ms(c.Direct.P99), Text.Ms(c.Through.P99), Text.Ms(c.AddedP99), Text.Int(c.DirectPerSecond), Text.Int(c.ThroughPerSecond),
                $"{Text.Int(c.Direct.Count)} / {Text.Int(c.Through.Count)}", $"{Text.Ms(c.AddedP50PerBlock.Percentile(0))} to {Text.Ms(c.AddedP50PerBlock.Max)}",
                Text.Us(c.ServerCpuMicrosecondsPerRequest), Text.Percent(c.OthersCpuPercent)));
        }

        var s = functions.Streams;
        report.AppendLine().AppendLine("### Functions path: streams").AppendLine();
        report.AppendLine($"As for the self-host ({s.Concurrency} paced streams at once, routes alternating). Others' CPU during the phase: " +
            $"{Text.Percent(s.OthersCpuPercent)}.").AppendLine();
        report.AppendLine(Text.Header("", "direct", "Functions", "added"));
        report.AppendLine(Text.Row("time to first token p50", Text.Ms(s.Direct.FirstEvent.P50), Text.Ms(s.Through.FirstEvent.P50), Text.Ms(s.AddedFirstEventP50)));
        report.AppendLine(Text.Row("time to first token p99", Text.Ms(s.Direct.FirstEvent.P99), Text.Ms(s.Through.FirstEvent.P99), Text.Ms(s.AddedFirstEventP99)));
        report.AppendLine(Text.Row("inter-chunk p50", Text.Ms(s.Direct.Gaps.P50), Text.Ms(s.Through.Gaps.P50), Text.Ms(s.AddedGapP50)));
        report.AppendLine(Text.Row("inter-chunk p99", Text.Ms(s.Direct.Gaps.P99), Text.Ms(s.Through.Gaps.P99), Text.Ms(s.AddedGapP99)));
        report.AppendLine(Text.Row("merged events", Text.Int(s.Direct.MergedEvents), Text.Int(s.Through.MergedEvents), ""));
        report.AppendLine(Text.Row("streams / events", $"{Text.Int(s.Direct.Streams)} / {Text.Int(s.Direct.Events)}", $"{Text.Int(s.Through.Streams)} / {Text.Int(s.Through.Events)}", ""));
        report.AppendLine(Text.Row("lost events", Text.Int(s.Direct.LostEvents), Text.Int(s.Through.LostEvents), ""));
    }
}

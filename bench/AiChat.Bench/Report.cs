using System.Text;

namespace AiChat.Bench;

/// <summary>The markdown report: run metadata, the summary against the goals, then one table per figure.</summary>
internal static class Report
{
    public static string Write(BenchRun run)
    {
        var m = run.Metadata;
        var report = new StringBuilder();
        report.AppendLine("# AiChat benchmark: what the backend adds to the direct call").AppendLine();
        report.AppendLine(Text.Header("run", ""));
        report.AppendLine(Text.Row("date", m.Started.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture)));
        report.AppendLine(Text.Row("commit", m.Commit));
        report.AppendLine(Text.Row("machine", m.Machine));
        report.AppendLine(Text.Row("runtime", m.Runtime));
        report.AppendLine(Text.Row("plan", $"{run.Plan.Name}, {Text.Int(run.Duration.TotalSeconds)} s after the publish"));
        if (run.Server.Environment.Count > 0)
        {
            report.AppendLine(Text.Row("server environment", string.Join(", ", run.Server.Environment.Select(e => $"`{e.Key}={e.Value}`"))));
        }

        report.AppendLine(Text.Row("protocol", "DashScope native (`/api/v1`) upstream, HTTP/1.1 on loopback, both routes"));
        report.AppendLine(Text.Row("setup", $"AiChat.Server published in Release, run as its own process (Production, {run.Server.GarbageCollector()}); " +
            "the emulator and the load generator share the bench process, so their CPU competes with the server's on the same cores"));
        report.AppendLine(Text.Row("noise", $"other processes used {Text.Percent(run.OthersCpuPercent)} of the machine's CPU during the run " +
            $"(load average {m.LoadAtStart} at start); each phase's share is in its section"));
        report.AppendLine(Text.Row("validity", run.IsValid
            ? "valid: no errors, no lost events"
            : $"INVALID: {Text.Int(run.Failures.Count)} errors, {Text.Int(run.LostEvents)} lost events"));
        report.AppendLine().AppendLine("## Summary").AppendLine().AppendLine(Summary(run));
        ReportSections.Completions(report, run);
        ReportSections.Streams(report, run.Streams);
        ReportSections.Capacity(report, run.Capacity);
        ReportSections.Startup(report, run.Startup);
        ReportSections.Abort(report, run.Abort);
        FunctionsSection.Write(report, run);
        if (run.Failures.Count > 0)
        {
            report.AppendLine().AppendLine("## Errors").AppendLine();
            foreach (var failure in run.Failures.First)
            {
                report.AppendLine($"- {failure}");
            }
        }

        return report.ToString();
    }

    public static string Summary(BenchRun run)
    {
        var summary = new StringBuilder(Text.Header("figure", "goal", "measured", "")).AppendLine();
        foreach (var goal in Goal.Evaluate(run))
        {
            summary.AppendLine(Text.Row(goal.Figure, goal.Target, goal.Measured, goal.Met ? "met" : "**missed**"));
        }

        return summary.ToString();
    }
}

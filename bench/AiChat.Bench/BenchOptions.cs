namespace AiChat.Bench;

/// <summary>The command line: <c>--report PATH</c>, and <c>--quick</c> for a short run while working on the bench.</summary>
internal sealed record BenchOptions(string ReportPath, BenchPlan Plan)
{
    public const string Usage = "usage: AiChat.Bench --report PATH [--quick]";

    public static BenchOptions? Parse(IReadOnlyList<string> args)
    {
        string? report = null;
        var plan = BenchPlan.Full;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--report" when i + 1 < args.Count:
                    report = args[++i];
                    break;
                case "--quick":
                    plan = BenchPlan.Quick;
                    break;
                default:
                    return null;
            }
        }

        return report is null ? null : new BenchOptions(Path.GetFullPath(report), plan);
    }
}

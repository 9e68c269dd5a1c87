namespace AiChat.Bench;

/// <summary>
/// The command line: <c>--report PATH</c>; <c>--quick</c> for a short run while working on the bench;
/// <c>--server-env NAME=VALUE</c> to run the server with a runtime setting and compare.
/// </summary>
internal sealed record BenchOptions(string ReportPath, BenchPlan Plan, IReadOnlyDictionary<string, string> ServerEnvironment)
{
    public const string Usage = "usage: AiChat.Bench --report PATH [--quick] [--server-env NAME=VALUE]...";

    public static BenchOptions? Parse(IReadOnlyList<string> args)
    {
        string? report = null;
        var plan = BenchPlan.Full;
        var environment = new Dictionary<string, string>();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--report" when i + 1 < args.Count:
                    report = args[++i];
                    break;
                case "--server-env" when i + 1 < args.Count && args[i + 1].Split('=', 2) is [{ Length: > 0 } name, var value]:
                    environment[name] = value;
                    i++;
                    break;
                case "--quick":
                    plan = BenchPlan.Quick;
                    break;
                default:
                    return null;
            }
        }

        return report is null ? null : new BenchOptions(Path.GetFullPath(report), plan, environment);
    }
}

namespace AiChat.Bench;

/// <summary>
/// The command line: <c>--report PATH</c>; <c>--quick</c> for a short run while working on the bench;
/// <c>--server-env NAME=VALUE</c> to run the server with a runtime setting and compare.
/// </summary>
/// <c>--first-token</c> runs only the compatible-mode first-token scenario, with each <c>--baseline NAME=DLL</c> (a
/// published AiChat.Server of another commit) beside this tree's build.
internal sealed record BenchOptions(string ReportPath, BenchPlan Plan, IReadOnlyDictionary<string, string> ServerEnvironment)
{
    public const string Usage = "usage: AiChat.Bench --report PATH [--quick] [--server-env NAME=VALUE]... [--first-token [--baseline NAME=DLL]... [--variant NAME=VAR=VALUE]...] [--openai]";

    public bool FirstTokenOnly { get; init; }

    /// <summary><c>--openai</c>: only the /v1 routes beside the seed's (<see cref="OpenAIRun"/>).</summary>
    public bool OpenAIOnly { get; init; }

    public IReadOnlyList<(string Name, string Dll)> Baselines { get; init; } = [];

    /// <summary>This tree's build again, started with one more environment variable, under its own name.</summary>
    public IReadOnlyList<(string Name, string Variable, string Value)> Variants { get; init; } = [];

    public static BenchOptions? Parse(IReadOnlyList<string> args)
    {
        string? report = null;
        var plan = BenchPlan.Full;
        var environment = new Dictionary<string, string>();
        var firstToken = false;
        var openAI = false;
        var baselines = new List<(string, string)>();
        var variants = new List<(string, string, string)>();
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
                case "--first-token":
                    firstToken = true;
                    break;
                case "--baseline" when i + 1 < args.Count && args[i + 1].Split('=', 2) is [{ Length: > 0 } baselineName, { Length: > 0 } dll]:
                    baselines.Add((baselineName, Path.GetFullPath(dll)));
                    i++;
                    break;
                case "--variant" when i + 1 < args.Count && args[i + 1].Split('=', 3) is [{ Length: > 0 } variantName, { Length: > 0 } variable, var variableValue]:
                    variants.Add((variantName, variable, variableValue));
                    i++;
                    break;
                case "--openai":
                    openAI = true;
                    break;
                case "--quick":
                    plan = BenchPlan.Quick;
                    break;
                default:
                    return null;
            }
        }

        return report is null ? null : new BenchOptions(Path.GetFullPath(report), plan, environment) { FirstTokenOnly = firstToken, OpenAIOnly = openAI, Baselines = baselines, Variants = variants };
    }
}

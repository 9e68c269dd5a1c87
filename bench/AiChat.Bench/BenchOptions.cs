namespace AiChat.Bench;

/// <summary>
/// The command line: <c>--report PATH</c>; <c>--quick</c> for a short run while working on the bench;
/// <c>--server-env NAME=VALUE</c> to run the server with a runtime setting and compare.
/// </summary>
/// <c>--first-token</c> runs only the compatible-mode first-token scenario, with each <c>--baseline NAME=PATH</c> (a
/// published AiChat.Server of another commit) beside this tree's build. <c>--floor</c> runs <see cref="FloorRun"/>,
/// with the same <c>--baseline</c>s; <c>--startup</c> only start-up, alternating this tree's build, the baselines and the variants.
internal sealed record BenchOptions(string ReportPath, BenchPlan Plan, IReadOnlyDictionary<string, string> ServerEnvironment)
{
    public const string Usage = "usage: AiChat.Bench --report PATH [--quick] [--server-env NAME=VALUE]... [--first-token [--baseline NAME=PATH]... [--variant NAME=VAR=VALUE]...] [--openai] [--floor [--baseline NAME=PATH]... [--variant NAME=VAR=VALUE]... [--telemetry]] [--startup [--baseline NAME=PATH]... [--variant NAME=VAR=VALUE]...] [--capacity N [--baseline NAME=PATH]... [--variant NAME=VAR=VALUE]... [--gcdump DIR]]";

    public bool FirstTokenOnly { get; init; }

    /// <summary><c>--floor</c>: every user-facing figure beside a bare forwarding hop's (<see cref="FloorRun"/>).</summary>
    public bool FloorOnly { get; init; }

    /// <summary><c>--telemetry</c> with <c>--floor</c>: this tree's server once more, exporting to an <see cref="OtlpSink"/>.</summary>
    public bool Telemetry { get; init; }

    /// <summary><c>--startup</c>: only start-up, alternating builds (<see cref="StartupRun"/>).</summary>
    public bool StartupOnly { get; init; }

    /// <summary><c>--capacity N</c>: how many streams <see cref="CapacityRun"/> opens; 0 when not asked for.</summary>
    public int OpenStreams { get; init; }

    /// <summary><c>--gcdump DIR</c>: where <see cref="CapacityRun"/> puts each server's heap dump at its peak.</summary>
    public string? GcDumpDirectory { get; init; }

    /// <summary><c>--openai</c>: only the /v1 routes beside the seed's (<see cref="OpenAIRun"/>).</summary>
    public bool OpenAIOnly { get; init; }

    public IReadOnlyList<(string Name, string Published)> Baselines { get; init; } = [];

    /// <summary>This tree's build again, started with one more environment variable, under its own name.</summary>
    public IReadOnlyList<(string Name, string Variable, string Value)> Variants { get; init; } = [];

    public static BenchOptions? Parse(IReadOnlyList<string> args)
    {
        string? report = null;
        var plan = BenchPlan.Full;
        var environment = new Dictionary<string, string>();
        var firstToken = false;
        var openAI = false;
        var floor = false;
        var startup = false;
        var telemetry = false;
        var openStreams = 0;
        string? gcDump = null;
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
                case "--baseline" when i + 1 < args.Count && args[i + 1].Split('=', 2) is [{ Length: > 0 } baselineName, { Length: > 0 } published]:
                    baselines.Add((baselineName, Path.GetFullPath(published)));
                    i++;
                    break;
                case "--variant" when i + 1 < args.Count && args[i + 1].Split('=', 3) is [{ Length: > 0 } variantName, { Length: > 0 } variable, var variableValue]:
                    variants.Add((variantName, variable, variableValue));
                    i++;
                    break;
                case "--floor":
                    floor = true;
                    break;
                case "--telemetry":
                    telemetry = true;
                    break;
                case "--startup":
                    startup = true;
                    break;
                case "--capacity" when i + 1 < args.Count && int.TryParse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture, out var streams) && streams > 0:
                    openStreams = streams;
                    i++;
                    break;
                case "--gcdump" when i + 1 < args.Count:
                    gcDump = Path.GetFullPath(args[++i]);
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

        return report is null ? null : new BenchOptions(Path.GetFullPath(report), plan, environment) { FirstTokenOnly = firstToken, FloorOnly = floor, Telemetry = telemetry, StartupOnly = startup, OpenStreams = openStreams, GcDumpDirectory = gcDump, OpenAIOnly = openAI, Baselines = baselines, Variants = variants };
    }
}

using System.Text;
using AiChat.Emulator;

namespace AiChat.Bench;

/// <summary>
/// <c>--startup</c>: process start to the first 200 from /health for this tree's server ("this"), each
/// <c>--baseline NAME=PATH</c> and each <c>--variant NAME=VAR=VALUE</c>, measured alternately (<see cref="StartupRounds"/>);
/// then the Functions app's start through the stand-in, with the worker's steps (<see cref="FunctionsStartup"/>).
/// </summary>
internal static class StartupRun
{
    public static async Task<string> RunAsync(BenchOptions options, Action<string> log, CancellationToken cancellationToken)
    {
        log("publishing AiChat.Server (Release)");
        var launch = new ServerLaunch(await ServerBuild.PublishAsync(cancellationToken), options.ServerEnvironment);
        List<(string Name, ServerLaunch Launch)> builds =
        [
            .. options.Baselines.Select(b => (b.Name, launch with { Published = b.Published })),
            .. options.Variants.Select(v => (v.Name, launch.With(v.Variable, v.Value))),
            ("this", launch),
        ];
        await using var emulator = await DashScopeEmulator.StartAsync(new EmulatorOptions { RecordRequests = false }, cancellationToken);
        var runs = options.Plan.StartupRuns * 3;
        log($"start-up: {runs} starts of each of {string.Join(", ", builds.Select(b => b.Name))}, alternating");
        var startup = await StartupRounds.RunAsync(builds, emulator.CompatibleBaseUrl, emulator.Options.ApiKey, runs, cancellationToken);
        var text = new StringBuilder("Process start to the first 200 from `GET /health` (Release, Production, with a key), builds started alternately.\n\n");
        text.AppendLine(Text.Header("build", "starts", "min", "median", "max"));
        foreach (var (name, _) in builds)
        {
            var s = startup[name];
            text.AppendLine(Text.Row(name, Text.Int(s.Count), Text.Ms(s.Percentile(0), 0), Text.Ms(s.P50, 0), Text.Ms(s.Max, 0)));
        }

        log("publishing AiChat.FunctionsHost and building AiChat.Functions (Release)");
        var functions = await FunctionsStartup.MeasureAsync(await FunctionsBuild.PublishAsync(cancellationToken), emulator, options.Plan.StartupRuns, cancellationToken);
        text.AppendLine().AppendLine("The Functions app through the host stand-in (this tree), started afresh each time:").AppendLine().Append(functions.Table());

        return text.ToString();
    }
}

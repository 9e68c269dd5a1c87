using AiChat.Emulator;

namespace AiChat.Bench;

/// <summary>
/// <c>--floor</c>: AiChat beside the floor of any .NET backend in its place, a bare YARP forwarding hop, in one run.
/// This tree's server ("this") and each <c>--baseline NAME=PATH</c> (a published AiChat.Server of another commit)
/// run as their own processes next to the hop's; every phase rotates all routes, so they share the machine's noise.
/// Each <c>--variant NAME=VAR=VALUE</c> is this tree's server again with one more setting. <c>--telemetry</c> adds
/// "telemetry on": this tree's server exporting traces, metrics and logs over OTLP to an <see cref="OtlpSink"/> the
/// bench runs, beside "this" with telemetry off.
/// </summary>
internal static class FloorRun
{
    public const string Hop = "bare hop";

    public const string TelemetryOn = "telemetry on";

    /// <summary>The model of the thinking phase: it reasons by default, so its stream has reasoning before content.</summary>
    public const string ThinkingModel = "qwen3.6-plus";

    public static async Task<string> RunAsync(BenchOptions options, Action<string> log, CancellationToken cancellationToken)
    {
        var metadata = RunMetadata.Capture(ServerBuild.RepositoryRoot());
        var plan = options.Plan;
        log("publishing AiChat.Server and the bare hop (Release)");
        var launch = new ServerLaunch(await ServerBuild.PublishAsync(cancellationToken), options.ServerEnvironment);
        var hopLaunch = new ServerLaunch(await ServerBuild.PublishHopAsync(cancellationToken), new Dictionary<string, string>());
        await using var sink = options.Telemetry ? await OtlpSink.StartAsync(cancellationToken) : null;
        List<(string Name, ServerLaunch Launch)> builds =
        [
            (Hop, hopLaunch),
            .. options.Baselines.Select(b => (b.Name, launch with { Published = b.Published })),
            ("this", launch),
            .. options.Variants.Select(v => (v.Name, launch.With(v.Variable, v.Value))),
            .. sink is null ? [] : (IEnumerable<(string, ServerLaunch)>)[(TelemetryOn, sink.Settings.Aggregate(launch, (l, s) => l.With(s.Key, s.Value)))],
        ];

        var failures = new Failures();
        using var http = BenchHttp.Create();
        // Recording on: the journal times each stream's first text frame and each abort.
        await using var emulator = await DashScopeEmulator.StartAsync(new EmulatorOptions(), cancellationToken);
        var figures = new FloorFigures(builds.Select(b => b.Name).ToList());

        log($"start-up: {plan.StartupRuns} starts of each, alternating");
        figures.Startup = await StartupRounds.RunAsync(builds, emulator.CompatibleBaseUrl, emulator.Options.ApiKey, plan.StartupRuns, cancellationToken);

        var streamSeconds = TimeSpan.FromSeconds(plan.StreamSeconds * 2);
        // One for the run: its markers must not repeat in the emulator's journal.
        var streams = new FloorStreamBench(http, emulator, failures);
        foreach (var native in (bool[])[false, true])
        {
            var protocol = native ? "native" : "compatible";
            var hosts = new List<(string Name, SelfHost Host)>();
            try
            {
                foreach (var (name, build) in builds)
                {
                    hosts.Add((name, await SelfHost.StartAsync(build, native ? emulator.NativeBaseUrl : emulator.CompatibleBaseUrl, emulator.Options.ApiKey, cancellationToken)));
                }

                List<FloorRoute> routes =
                [
                    new("direct", emulator.Address, IsAiChat: false, emulator.Options.ApiKey),
                    .. hosts.Select(h => new FloorRoute(h.Name, h.Host.Address, IsAiChat: h.Name != Hop, emulator.Options.ApiKey)),
                ];
                if (!native)
                {
                    var completions = new FloorCompletionBench(http, failures);
                    foreach (var concurrency in (int[])[1, 32])
                    {
                        log($"completions, {protocol}, {concurrency} at a time");
                        figures.Completions[concurrency] = await completions.RunAsync(routes, concurrency, plan.CompletionBlocks, plan.Slice, cancellationToken);
                    }

                    log($"disconnects: {plan.AbortSamples / 2} per route");
                    figures.Aborts = await new FloorAbortBench(http, emulator, failures).RunAsync(routes, plan.AbortSamples / 2, cancellationToken);
                }

                foreach (var concurrency in (int[])[1, 8])
                {
                    log($"streams, {protocol}, {concurrency} at a time for {streamSeconds.TotalSeconds} s");
                    figures.Streams[(protocol, concurrency)] = await streams.RunAsync(routes, native, concurrency, streamSeconds, cancellationToken);
                }

                if (!native)
                {
                    log($"thinking streams ({ThinkingModel}), {protocol}, 1 at a time for {streamSeconds.TotalSeconds} s");
                    figures.Thinking = await streams.RunAsync(routes, native, 1, streamSeconds, cancellationToken, ThinkingModel);
                }
            }
            finally
            {
                foreach (var (_, host) in hosts)
                {
                    await host.DisposeAsync();
                }
            }
        }

        var report = FloorReport.Write(metadata, plan, launch, figures, failures);
        return sink is null ? report : report + $"""

            "{TelemetryOn}" is this tree's server exporting traces, metrics and logs over OTLP/HTTP (protobuf, the exporters'
            default batching and intervals) to a sink in the bench process; "this" is the same build with telemetry off.
            The sink received {Text.Int(sink.Exports)} exports, {Text.Int(sink.Bytes / 1024)} KB.

            """;
    }
}

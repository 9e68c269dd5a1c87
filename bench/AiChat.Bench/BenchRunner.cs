using System.Diagnostics;
using AiChat.Emulator;

namespace AiChat.Bench;

/// <summary>
/// The run, phase by phase. The emulator lives in this process: its CPU competes with the server's on the same
/// cores, as it does with the bench's client, for both routes alike.
/// </summary>
internal static class BenchRunner
{
    public static async Task<BenchRun> RunAsync(BenchOptions options, Action<string> log, CancellationToken cancellationToken)
    {
        var metadata = RunMetadata.Capture(ServerBuild.RepositoryRoot());
        log("publishing AiChat.Server (Release)");
        var plan = options.Plan;
        var launch = new ServerLaunch(await ServerBuild.PublishAsync(cancellationToken), options.ServerEnvironment);
        log("publishing AiChat.FunctionsHost and building AiChat.Functions (Release)");
        var functionsLaunch = await FunctionsBuild.PublishAsync(cancellationToken);

        var started = Stopwatch.GetTimestamp();
        var cpu = CpuShare.Start();
        var failures = new Failures();
        using var http = BenchHttp.Create();
        await using var emulator = await DashScopeEmulator.StartAsync(new EmulatorOptions { RecordRequests = false }, cancellationToken);
        Task<SelfHost> StartServerAsync(DashScopeEmulator upstream) =>
            SelfHost.StartAsync(launch, upstream.NativeBaseUrl, upstream.Options.ApiKey, cancellationToken);
        ChatTargets Targets(SelfHost server) => new(emulator.NativeBaseUrl, emulator.Options.ApiKey, server.Address);

        log($"start-up: {plan.StartupRuns} starts");
        var startup = await StartupBench.RunAsync(launch, emulator.NativeBaseUrl, emulator.Options.ApiKey, plan.StartupRuns, cancellationToken);

        var completions = new List<CompletionResult>();
        StreamResult streams;
        await using (var server = await StartServerAsync(emulator))
        {
            var bench = new CompletionBench(http, Targets(server), plan, failures);
            await bench.WarmUpAsync(cancellationToken);
            foreach (var concurrency in plan.Concurrencies)
            {
                log($"completions at concurrency {concurrency}");
                completions.Add(await bench.RunAsync(concurrency, server.ProcessId, cancellationToken));
            }

            log($"streams: {plan.StreamConcurrency} at once for {plan.StreamSeconds} s");
            streams = await new StreamBench(http, Targets(server), failures).RunAsync(plan, server.ProcessId, cancellationToken);
        }

        CapacityResult capacity;
        await using (var server = await StartServerAsync(emulator))
        {
            log($"open streams: up to {plan.OpenStreams} on a fresh server");
            capacity = await new CapacityBench(new StreamBench(http, Targets(server), failures), server).RunAsync(plan, cancellationToken);
        }

        AbortResult abort;
        await using (var recording = await DashScopeEmulator.StartAsync(new EmulatorOptions(), cancellationToken))
        await using (var server = await StartServerAsync(recording))
        {
            log($"disconnects: {plan.AbortSamples}");
            var targets = new ChatTargets(recording.NativeBaseUrl, recording.Options.ApiKey, server.Address);
            abort = await new AbortBench(http, targets, recording, failures).RunAsync(plan.AbortSamples, server.ProcessId, cancellationToken);
        }

        var functionsFailures = new Failures();
        var functions = await new FunctionsBench(http, emulator, plan, functionsFailures).RunAsync(functionsLaunch, log, cancellationToken);
        failures.Add("Functions path", functionsFailures);

        return new BenchRun(plan, launch, metadata, completions, streams, capacity, startup, abort, failures,
            cpu.OthersPercent(), Stopwatch.GetElapsedTime(started))
        { Functions = functions };
    }
}

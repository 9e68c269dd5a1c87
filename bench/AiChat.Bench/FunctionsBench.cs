using AiChat.Emulator;

namespace AiChat.Bench;

/// <summary>
/// The Functions path, measured as the self-host is: start-up over fresh starts of the stand-in, then completions at
/// the plan's concurrencies and paced streams through one stand-in, each interleaved with the direct call.
/// </summary>
internal sealed class FunctionsBench(HttpClient http, DashScopeEmulator emulator, BenchPlan plan, Failures failures)
{
    public async Task<FunctionsResult> RunAsync(FunctionsLaunch launch, Action<string> log, CancellationToken cancellationToken)
    {
        log($"Functions start-up: {plan.StartupRuns} starts");
        var startup = new List<double>(plan.StartupRuns);
        var readiness = new List<WorkerReadiness>(plan.StartupRuns);
        for (var i = 0; i <= plan.StartupRuns; i++)
        {
            // The first start only warms the disk cache and is not counted, as for the self-host.
            await using var standIn = await StartAsync(launch, cancellationToken);
            if (i > 0)
            {
                startup.Add(standIn.StartToHealthy.TotalMilliseconds);
                readiness.Add(standIn.WorkerReadiness);
            }
        }

        await using var host = await StartAsync(launch, cancellationToken);
        var targets = new ChatTargets(emulator.NativeBaseUrl, emulator.Options.ApiKey, host.Address);
        var completions = new List<CompletionResult>();
        var bench = new CompletionBench(http, targets, plan, failures);
        await bench.WarmUpAsync(cancellationToken);
        foreach (var concurrency in plan.Concurrencies)
        {
            log($"Functions completions at concurrency {concurrency}");
            completions.Add(await bench.RunAsync(concurrency, host.ProcessId, cancellationToken));
        }

        log($"Functions streams: {plan.StreamConcurrency} at once for {plan.StreamSeconds} s");
        var streams = await new StreamBench(http, targets, failures).RunAsync(plan, host.ProcessId, cancellationToken);
        return new FunctionsResult(new Distribution(startup), readiness, completions, streams);
    }

    private Task<FunctionsStandIn> StartAsync(FunctionsLaunch launch, CancellationToken cancellationToken) =>
        FunctionsStandIn.StartAsync(launch, emulator.NativeBaseUrl, emulator.Options.ApiKey, cancellationToken);
}

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
        var startup = await FunctionsStartup.MeasureAsync(launch, emulator, plan.StartupRuns, cancellationToken);

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
        return new FunctionsResult(startup, completions, streams);
    }

    private Task<FunctionsStandIn> StartAsync(FunctionsLaunch launch, CancellationToken cancellationToken) =>
        FunctionsStandIn.StartAsync(launch, emulator.NativeBaseUrl, emulator.Options.ApiKey, cancellationToken);
}

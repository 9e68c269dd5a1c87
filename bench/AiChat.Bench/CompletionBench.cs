using System.Diagnostics;

namespace AiChat.Bench;

/// <summary>
/// Non-streaming completions, closed loop: N workers each send the next request as soon as the last one is answered.
/// The routes take turns in short slices (direct, through, through, direct per block), so both see the same noise.
/// </summary>
internal sealed class CompletionBench(HttpClient http, ChatTargets targets, BenchPlan plan, Failures failures)
{
    private static readonly Prompt Prompt = new("Please summarise the plot of Hamlet in three short sentences");

    /// <summary>Long enough for the tiered JIT to settle in both processes before anything is counted.</summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        for (var block = 0; block < 4; block++)
        {
            await RunBlockAsync(8, cancellationToken);
        }
    }

    public async Task<CompletionResult> RunAsync(int concurrency, int serverPid, CancellationToken cancellationToken)
    {
        await RunBlockAsync(concurrency, cancellationToken);
        var cpu = CpuShare.Start(serverPid);
        var serverTicks = ProcFs.ProcessTreeTicks(serverPid);
        var direct = new Slices();
        var through = new Slices();
        var addedP50 = new List<double>();
        for (var block = 0; block < plan.CompletionBlocks; block++)
        {
            var (d, t) = await RunBlockAsync(concurrency, cancellationToken);
            direct.Add(d);
            through.Add(t);
            addedP50.Add(new Distribution(t.Samples).P50 - new Distribution(d.Samples).P50);
        }

        var serverMicroseconds = (ProcFs.ProcessTreeTicks(serverPid) - serverTicks) * ProcFs.MicrosecondsPerTick;
        return new CompletionResult(concurrency, new(direct.Samples), new(through.Samples), direct.PerSecond, through.PerSecond,
            new(addedP50), (double)serverMicroseconds / through.Samples.Count, cpu.OthersPercent());
    }

    private async Task<(Slices Direct, Slices Through)> RunBlockAsync(int concurrency, CancellationToken cancellationToken)
    {
        var direct = new Slices();
        var through = new Slices();
        foreach (var route in (Route[])[Route.Direct, Route.Through, Route.Through, Route.Direct])
        {
            (route == Route.Direct ? direct : through).Add(await RunSliceAsync(route, concurrency, cancellationToken));
        }

        return (direct, through);
    }

    private async Task<Slices> RunSliceAsync(Route route, int concurrency, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(plan.Slice.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, concurrency).Select(_ => WorkAsync(route, deadline, cancellationToken));
        var samples = await Task.WhenAll(workers);
        return new Slices(samples.SelectMany(s => s), Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    private Task<List<double>> WorkAsync(Route route, long deadline, CancellationToken cancellationToken) =>
        CompletionLoop.RunAsync(http, () => targets.Create(route, Prompt, stream: false), deadline, failures, "completions", route.ToString(), cancellationToken);
}

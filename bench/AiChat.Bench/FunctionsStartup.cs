using System.Text;
using AiChat.Emulator;

namespace AiChat.Bench;

/// <summary>
/// The Functions path's start-up over fresh starts of the stand-in (one uncounted start first warms the disk cache):
/// process start to the first 200 from /health through it, and the worker's steps as the stand-in timed them.
/// </summary>
internal sealed record FunctionsStartup(Distribution ToHealthy, IReadOnlyList<WorkerReadiness> Worker)
{
    public static async Task<FunctionsStartup> MeasureAsync(FunctionsLaunch launch, DashScopeEmulator emulator, int runs, CancellationToken cancellationToken)
    {
        var toHealthy = new List<double>(runs);
        var worker = new List<WorkerReadiness>(runs);
        for (var i = 0; i <= runs; i++)
        {
            await using var standIn = await FunctionsStandIn.StartAsync(launch, emulator.NativeBaseUrl, emulator.Options.ApiKey, cancellationToken);
            if (i > 0)
            {
                toHealthy.Add(standIn.StartToHealthy.TotalMilliseconds);
                worker.Add(standIn.WorkerReadiness);
            }
        }

        return new FunctionsStartup(new Distribution(toHealthy), worker);
    }

    /// <summary>A table: the start to the first 200, then each step of the worker's start-up, min / median / max.</summary>
    public string Table()
    {
        var table = new StringBuilder(Text.Header("from", "to", "min", "median", "max")).AppendLine();
        table.AppendLine(Text.Row("the stand-in's process start", "first 200 from /health through it", Text.Ms(ToHealthy.Percentile(0), 0), Text.Ms(ToHealthy.P50, 0), Text.Ms(ToHealthy.Max, 0)));
        foreach (var (step, ms) in (ReadOnlySpan<(string, Func<WorkerReadiness, double>)>)[
            ("EventStream open (its host built, gRPC connected)", r => r.EventStreamOpen),
            ("WorkerInitResponse", r => r.WorkerInitResponse),
            ("every function loaded", r => r.FunctionsLoaded),
            ("ready for invocations (its Kestrel accepting)", r => r.Ready)])
        {
            var steps = new Distribution([.. Worker.Select(ms)]);
            table.AppendLine(Text.Row("the worker's process start", step, Text.Ms(steps.Percentile(0), 0), Text.Ms(steps.P50, 0), Text.Ms(steps.Max, 0)));
        }

        return table.ToString();
    }
}

using System.Diagnostics;

namespace AiChat.Bench;

/// <summary>
/// Opens paced streams through AiChat in batches, each batch only once the last one has its first events, holds them
/// all, reads the server's resident memory, then lets every stream run to its [DONE]. A batch with a stream that
/// cannot open ends the ramp: that is the capacity.
/// </summary>
/// <param name="atPeak">Run with the streams held, after the figures are read (a heap dump, say).</param>
internal sealed class CapacityBench(StreamBench streams, SelfHost server, Func<int, Task>? atPeak = null)
{
    private int _open;
    private int _peak;

    public async Task<CapacityResult> RunAsync(BenchPlan plan, CancellationToken cancellationToken)
    {
        // Long enough to outlast the ramp and the hold: 15 events two seconds apart in the full run.
        var prompt = new Prompt(string.Join(' ', Enumerable.Repeat("steady", plan.OpenStreamWords)), plan.OpenChunkDelayMs);
        await WarmUpAsync(cancellationToken);
        var rssBefore = server.RssBytes();
        var cpu = CpuShare.Start(server.ProcessId);
        var running = new List<Task<StreamOutcome?>>(plan.OpenStreams);
        var refused = 0;
        var started = Stopwatch.GetTimestamp();
        while (running.Count < plan.OpenStreams && refused == 0)
        {
            var batch = Math.Min(plan.OpenBatch, plan.OpenStreams - running.Count);
            refused = await OpenBatchAsync(prompt, batch, running, cancellationToken);
        }

        var ramp = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        var peak = Volatile.Read(ref _peak);
        var rssAtPeak = server.RssBytes();
        var descriptors = ProcFs.OpenFileDescriptors(server.ProcessId);
        if (atPeak is not null)
        {
            await atPeak(server.ProcessId);
        }

        var outcomes = await Task.WhenAll(running);
        return new CapacityResult(plan.OpenStreams, peak, refused, ramp, rssBefore, rssAtPeak, server.RssBytes(),
            outcomes.Count(o => o is { LostEvents: 0 }), outcomes.Sum(o => o?.LostEvents ?? 0), plan.OpenChunkDelayMs, cpu.OthersPercent(), descriptors);
    }

    private async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        var prompt = new Prompt("warming up");
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            var recorder = new StreamRecorder();
            for (var i = 0; i < 25; i++)
            {
                await streams.StreamAsync(Route.Through, prompt, recorder, null, cancellationToken);
            }
        }));
    }

    /// <returns>How many of the batch's streams never delivered a first event.</returns>
    private async Task<int> OpenBatchAsync(Prompt prompt, int batch, List<Task<StreamOutcome?>> running, CancellationToken cancellationToken)
    {
        var firsts = new List<Task<bool>>(batch);
        for (var i = 0; i < batch; i++)
        {
            var first = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            running.Add(HoldAsync(prompt, first, cancellationToken));
            firsts.Add(first.Task);
        }

        return (await Task.WhenAll(firsts)).Count(opened => !opened);
    }

    private async Task<StreamOutcome?> HoldAsync(Prompt prompt, TaskCompletionSource<bool> first, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var opened = false;
        var outcome = await streams.StreamAsync(Route.Through, prompt, new StreamRecorder(), () =>
        {
            opened = true;
            Interlocked.Increment(ref _open);
            InterlockedMax(ref _peak, Volatile.Read(ref _open));
            first.TrySetResult(true);
        }, cancellationToken);
        if (opened)
        {
            Interlocked.Decrement(ref _open);
        }

        first.TrySetResult(false);
        return outcome;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var current = Volatile.Read(ref target); value > current; current = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, current) == current)
            {
                return;
            }
        }
    }
}

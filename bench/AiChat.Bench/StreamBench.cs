using System.Diagnostics;

namespace AiChat.Bench;

/// <summary>
/// Streams paced by the emulator, a fixed number at once; each worker alternates the routes stream by stream, so at
/// any moment half the streams go each way and both routes share the machine's noise.
/// </summary>
internal sealed class StreamBench(HttpClient http, ChatTargets targets, Failures failures)
{
    public async Task<StreamResult> RunAsync(BenchPlan plan, int? serverPid, CancellationToken cancellationToken)
    {
        var prompt = new Prompt("Tell me a story about a lighthouse keeper and the sea in a dozen words", plan.StreamChunkDelayMs);
        await RunForAsync(prompt, plan.StreamConcurrency, TimeSpan.FromSeconds(2), cancellationToken);
        var cpu = CpuShare.Start(serverPid);
        var outcomes = await RunForAsync(prompt, plan.StreamConcurrency, TimeSpan.FromSeconds(plan.StreamSeconds), cancellationToken);
        return new StreamResult(
            StreamRouteFigures.From([.. outcomes.Where(o => o.Route == Route.Direct)]),
            StreamRouteFigures.From([.. outcomes.Where(o => o.Route == Route.Through)]),
            plan.StreamConcurrency,
            plan.StreamChunkDelayMs,
            cpu.OthersPercent());
    }

    /// <summary>Sends one stream and reads it to the end; null when it failed before its first byte.</summary>
    public async Task<StreamOutcome?> StreamAsync(
        Route route, Prompt prompt, StreamRecorder recorder, Action? onFirstEvent, CancellationToken cancellationToken)
    {
        var sent = Stopwatch.GetTimestamp();
        try
        {
            using var request = targets.Create(route, prompt, stream: true);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                failures.Add("streams", $"{route}: HTTP {(int)response.StatusCode}");
                return null;
            }

            var outcome = await recorder.ReadAsync(response, sent, route, prompt, onFirstEvent, cancellationToken);
            if (outcome.LostEvents > 0)
            {
                failures.Add("streams", $"{route}: {outcome.LostEvents} events lost");
            }

            return outcome;
        }
        catch (HttpRequestException e)
        {
            failures.Add("streams", $"{route}: {e.Message}");
            return null;
        }
    }

    private async Task<List<StreamOutcome>> RunForAsync(Prompt prompt, int concurrency, TimeSpan duration, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            await Task.Yield();
            var recorder = new StreamRecorder();
            var outcomes = new List<StreamOutcome>();
            for (var route = (Route)(worker % 2); Stopwatch.GetTimestamp() < deadline; route = 1 - route)
            {
                if (await StreamAsync(route, prompt, recorder, null, cancellationToken) is { } outcome)
                {
                    outcomes.Add(outcome);
                }
            }

            return outcomes;
        });
        return [.. (await Task.WhenAll(workers)).SelectMany(o => o)];
    }
}

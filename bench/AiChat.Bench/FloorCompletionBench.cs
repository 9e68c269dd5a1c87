using System.Diagnostics;

namespace AiChat.Bench;

/// <summary>
/// Non-streaming completions over the compatible protocol, closed loop, for every route of the floor comparison.
/// Each block runs one slice per route and then the same slices in reverse order, so a drift in load hits all alike.
/// </summary>
internal sealed class FloorCompletionBench(HttpClient http, Failures failures)
{
    private const string Text = "Please summarise the plot of Hamlet in three short sentences";

    public async Task<IReadOnlyDictionary<string, (Distribution Latency, double PerSecond)>> RunAsync(
        IReadOnlyList<FloorRoute> routes, int concurrency, int blocks, TimeSpan slice, CancellationToken cancellationToken)
    {
        var samples = routes.ToDictionary(r => r.Name, _ => new List<double>());
        var seconds = routes.ToDictionary(r => r.Name, _ => 0.0);
        for (var block = -1; block < blocks; block++)
        {
            foreach (var route in routes.Concat(routes.Reverse()))
            {
                var started = Stopwatch.GetTimestamp();
                var deadline = started + (long)(slice.TotalSeconds * Stopwatch.Frequency);
                var results = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => WorkAsync(route, deadline, cancellationToken)));
                // The first block warms every route up and is not counted.
                if (block >= 0)
                {
                    samples[route.Name].AddRange(results.SelectMany(r => r));
                    seconds[route.Name] += Stopwatch.GetElapsedTime(started).TotalSeconds;
                }
            }
        }

        return routes.ToDictionary(r => r.Name, r => (new Distribution(samples[r.Name]), samples[r.Name].Count / seconds[r.Name]));
    }

    private Task<List<double>> WorkAsync(FloorRoute route, long deadline, CancellationToken cancellationToken) =>
        CompletionLoop.RunAsync(http, () => route.Create(native: false, stream: false, Text), deadline, failures, "floor completions", route.Name, cancellationToken);
}

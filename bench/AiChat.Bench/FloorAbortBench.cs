using System.Diagnostics;
using System.Globalization;
using AiChat.Emulator;

namespace AiChat.Bench;

/// <summary>
/// One paced stream at a time, the routes in turn: once its first event is in, the client drops the connection and
/// the emulator (in this process, on the same clock) stamps when it saw the request it received aborted.
/// </summary>
internal sealed class FloorAbortBench(HttpClient http, DashScopeEmulator emulator, Failures failures)
{
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(5);

    private int _marker;

    public async Task<IReadOnlyDictionary<string, Distribution>> RunAsync(IReadOnlyList<FloorRoute> routes, int samplesPerRoute, CancellationToken cancellationToken)
    {
        var delays = routes.ToDictionary(r => r.Name, _ => new List<double>());
        for (var i = -routes.Count; i < samplesPerRoute * routes.Count; i++)
        {
            var route = routes[(i + routes.Count) % routes.Count];
            if (await DisconnectAsync(route, cancellationToken) is { } delay && i >= 0)
            {
                delays[route.Name].Add(delay);
            }
        }

        return delays.ToDictionary(d => d.Key, d => new Distribution(d.Value));
    }

    private async Task<double?> DisconnectAsync(FloorRoute route, CancellationToken cancellationToken)
    {
        var aborted = emulator.AbortedRequests;
        var marker = "abort-" + Interlocked.Increment(ref _marker).ToString(CultureInfo.InvariantCulture);
        var response = await http.SendAsync(
            route.Create(native: false, stream: true, $"Count slowly from one to twenty please [[chunk-delay-ms:1000]] #{marker}"),
            HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        try
        {
            if (!response.IsSuccessStatusCode || !await FirstEventAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken))
            {
                failures.Add("floor abort", $"{route.Name}: HTTP {(int)response.StatusCode}, no first event");
                return null;
            }
        }
        catch
        {
            response.Dispose();
            throw;
        }

        var disconnected = Stopwatch.GetTimestamp();
        response.Dispose();
        try
        {
            await emulator.WaitForAbortedRequestsAsync(aborted + 1, cancellationToken).WaitAsync(GiveUp, cancellationToken);
        }
        catch (TimeoutException)
        {
            failures.Add("floor abort", $"{route.Name}: the emulator saw no abort within {GiveUp.TotalSeconds} s");
            return null;
        }

        var upstream = emulator.Requests.Last(r => r.Messages.Count > 0 && r.Messages[^1].Content.EndsWith("#" + marker, StringComparison.Ordinal));
        return Stopwatch.GetElapsedTime(disconnected, upstream.AbortedTimestamp!.Value).TotalMilliseconds;
    }

    private static async Task<bool> FirstEventAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        var length = 0;
        while (length < buffer.Length && await stream.ReadAsync(buffer.AsMemory(length), cancellationToken) is > 0 and var count)
        {
            length += count;
            if (buffer.AsSpan(0, length).IndexOf("\n\n"u8) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}

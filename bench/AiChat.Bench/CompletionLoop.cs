using System.Diagnostics;

namespace AiChat.Bench;

/// <summary>One worker's whole completions until the deadline: the latency of each answered one, a failure for the rest.</summary>
internal static class CompletionLoop
{
    public static async Task<List<double>> RunAsync(
        HttpClient http, Func<HttpRequestMessage> create, long deadline, Failures failures, string phase, string route, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var samples = new List<double>();
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var sent = Stopwatch.GetTimestamp();
            try
            {
                using var request = create();
                using var response = await http.SendAsync(request, cancellationToken);
                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                var elapsed = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                if (response.IsSuccessStatusCode && body.AsSpan().IndexOf("You said"u8) >= 0)
                {
                    samples.Add(elapsed);
                }
                else
                {
                    failures.Add(phase, $"{route}: HTTP {(int)response.StatusCode}");
                }
            }
            catch (HttpRequestException e)
            {
                failures.Add(phase, $"{route}: {e.Message}");
            }
        }

        return samples;
    }
}

using System.Diagnostics;
using System.Net;

namespace AiChat.Bench;

internal static class HealthPoller
{
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(30);

    /// <summary>Polls GET /health every millisecond or so; a refused connection on loopback costs next to nothing.</summary>
    public static async Task<TimeSpan> WaitAsync(Uri address, Process process, long started, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, ConnectTimeout = TimeSpan.FromSeconds(1) });
        var health = new Uri(address, "health");
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(health, cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return Stopwatch.GetElapsedTime(started);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (process.HasExited || Stopwatch.GetElapsedTime(started) > GiveUp)
            {
                throw new InvalidOperationException("AiChat.Server exited or never answered /health.");
            }

            await Task.Delay(1, cancellationToken);
        }
    }
}

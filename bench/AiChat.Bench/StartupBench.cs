namespace AiChat.Bench;

internal static class StartupBench
{
    /// <summary>Starts the server again and again; the first start only warms the disk cache and is not counted.</summary>
    public static async Task<Distribution> RunAsync(ServerLaunch launch, Uri upstream, string apiKey, int runs, CancellationToken cancellationToken)
    {
        var samples = new List<double>(runs);
        for (var i = 0; i <= runs; i++)
        {
            await using var host = await SelfHost.StartAsync(launch, upstream, apiKey, cancellationToken);
            if (i > 0)
            {
                samples.Add(host.StartToHealthy.TotalMilliseconds);
            }
        }

        return new Distribution(samples);
    }
}

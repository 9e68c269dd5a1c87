namespace AiChat.Bench;

/// <summary>
/// Start-up of several builds measured alternately: each started in turn, round after round, so a change in the
/// machine's load hits every build alike. The first round only warms the disk cache and is not counted.
/// </summary>
internal static class StartupRounds
{
    public static async Task<IReadOnlyDictionary<string, Distribution>> RunAsync(
        IReadOnlyList<(string Name, ServerLaunch Launch)> builds, Uri upstream, string apiKey, int runs, CancellationToken cancellationToken)
    {
        var samples = builds.ToDictionary(b => b.Name, _ => new List<double>());
        for (var round = 0; round <= runs; round++)
        {
            foreach (var (name, build) in builds)
            {
                await using var host = await SelfHost.StartAsync(build, upstream, apiKey, cancellationToken);
                if (round > 0)
                {
                    samples[name].Add(host.StartToHealthy.TotalMilliseconds);
                }
            }
        }

        return samples.ToDictionary(s => s.Key, s => new Distribution(s.Value));
    }
}

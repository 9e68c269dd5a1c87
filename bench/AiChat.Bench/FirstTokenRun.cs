using System.Globalization;
using System.Text;
using AiChat.Emulator;

namespace AiChat.Bench;

/// <summary>
/// <c>--first-token</c>: only the compatible-mode first-token scenario, this tree's server ("this") and each
/// <c>--baseline NAME=PATH</c> build beside it in the same run; a short report in markdown.
/// </summary>
internal static class FirstTokenRun
{
    public static async Task<string> RunAsync(BenchOptions options, Action<string> log, CancellationToken cancellationToken)
    {
        log("publishing AiChat.Server (Release)");
        var launch = new ServerLaunch(await ServerBuild.PublishAsync(cancellationToken), options.ServerEnvironment);
        using var http = BenchHttp.Create();
        // Recording on: each request's journal entry times the emulator's first content chunk.
        await using var emulator = await DashScopeEmulator.StartAsync(new EmulatorOptions(), cancellationToken);
        var hosts = new List<(string Name, SelfHost Host)>();
        try
        {
            foreach (var (name, published) in options.Baselines)
            {
                hosts.Add((name, await SelfHost.StartAsync(launch with { Published = published }, emulator.CompatibleBaseUrl, emulator.Options.ApiKey, cancellationToken)));
            }

            foreach (var (name, variable, value) in options.Variants)
            {
                var environment = new Dictionary<string, string>(launch.Environment) { [variable] = value };
                hosts.Add((name, await SelfHost.StartAsync(launch with { Environment = environment }, emulator.CompatibleBaseUrl, emulator.Options.ApiKey, cancellationToken)));
            }

            hosts.Add(("this", await SelfHost.StartAsync(launch, emulator.CompatibleBaseUrl, emulator.Options.ApiKey, cancellationToken)));
            // One stream per route at a time on average: first token is a latency figure, not a load test.
            var seconds = options.Plan.StreamSeconds * 4;
            var concurrency = hosts.Count + 1;
            log($"first token, compatible mode: {concurrency} streams at once for {seconds} s, routes {string.Join(", ", ["direct", .. hosts.Select(h => h.Name)])}");
            var bench = new FirstTokenBench(http, emulator, [.. hosts.Select(h => (h.Name, h.Host.Address))]);
            var figures = await bench.RunAsync(concurrency, TimeSpan.FromSeconds(seconds), cancellationToken);
            return Describe(figures, concurrency, seconds);
        }
        finally
        {
            foreach (var (_, host) in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    private static string Describe(IReadOnlyDictionary<string, (Distribution FromSend, Distribution FromUpstream)> figures, int concurrency, int seconds)
    {
        var (direct, directUpstream) = figures["direct"];
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Time to first token, compatible-mode upstream (role-only chunk, then content every {FirstTokenBench.ChunkDelayMs} ms), {concurrency} streams at once, {seconds} s, routes rotated stream by stream.");
        text.AppendLine("\"From send\": request sent to the client's read of the first event with text. \"From upstream\": the emulator handing over its first content chunk to that read (no emulator timer in it).");
        text.AppendLine();
        text.AppendLine("| route | streams | from send p50 | p90 | added p50 | from upstream p50 | p90 | added p50 | added p90 |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var (name, (send, upstream)) in figures.OrderBy(f => f.Key == "direct" ? 0 : f.Key == "this" ? 2 : 1).ThenBy(f => f.Key, StringComparer.Ordinal))
        {
            var isDirect = name == "direct";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {send.Count} | {send.P50:0.00} ms | {send.Percentile(0.9):0.00} ms | {(isDirect ? "—" : $"{send.P50 - direct.P50:0.00} ms")} | {upstream.P50:0.00} ms | {upstream.Percentile(0.9):0.00} ms | {(isDirect ? "—" : $"{upstream.P50 - directUpstream.P50:0.00} ms")} | {(isDirect ? "—" : $"{upstream.Percentile(0.9) - directUpstream.Percentile(0.9):0.00} ms")} |");
        }

        return text.ToString();
    }
}

using System.Globalization;
using System.Text;
using AiChat.Emulator;

namespace AiChat.Bench;

/// <summary>
/// <c>--openai</c>: the OpenAI-compatible routes beside the seed's (<see cref="OpenAIBench"/>), through this tree's
/// self-host, over each DashScope protocol in turn; a short report in markdown.
/// </summary>
internal static class OpenAIRun
{
    private const string ClientKey = "ck-bench-0123456789abcdef";
    private const int Concurrency = 8;

    public static async Task<string> RunAsync(BenchOptions options, Action<string> log, CancellationToken cancellationToken)
    {
        log("publishing AiChat.Server (Release)");
        var published = await ServerBuild.PublishAsync(cancellationToken);
        var launch = new ServerLaunch(published, new Dictionary<string, string>(options.ServerEnvironment) { ["CLIENT_API_KEYS"] = ClientKey });
        using var http = BenchHttp.Create();
        // No journal: hundreds of thousands of requests would be kept for nothing.
        await using var emulator = await DashScopeEmulator.StartAsync(new EmulatorOptions { RecordRequests = false }, cancellationToken);
        var seconds = options.Plan.StreamSeconds * 2;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Seed and /v1 routes through one self-host, {Concurrency} requests at once, {seconds} s per protocol, routes rotated request by request; streams paced by the emulator at one chunk every {OpenAIBench.ChunkDelayMs} ms; {launch.GarbageCollector()}.");
        text.AppendLine();
        text.AppendLine("| upstream protocol | route | requests | failed | first token p50 | p90 | total p50 | p90 | p99 |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var (protocol, baseUrl) in new[] { ("native", emulator.NativeBaseUrl), ("compatible-mode", emulator.CompatibleBaseUrl) })
        {
            await using var host = await SelfHost.StartAsync(launch, baseUrl, emulator.Options.ApiKey, cancellationToken);
            log($"{protocol}: {Concurrency} at once for {seconds} s, routes {string.Join(", ", OpenAIBench.Routes)}");
            var figures = await new OpenAIBench(http, host.Address, ClientKey).RunAsync(Concurrency, TimeSpan.FromSeconds(seconds), cancellationToken);
            foreach (var route in OpenAIBench.Routes)
            {
                var (first, total, failures) = figures[route];
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {protocol} | {route} | {total.Count} | {failures} | {OpenAIBench.Format(first.P50)} | {OpenAIBench.Format(first.Percentile(0.9))} | {OpenAIBench.Format(total.P50)} | {OpenAIBench.Format(total.Percentile(0.9))} | {OpenAIBench.Format(total.P99)} |");
            }
        }

        return text.ToString();
    }
}

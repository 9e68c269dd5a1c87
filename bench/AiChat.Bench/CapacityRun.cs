using System.Diagnostics;
using System.Text;
using AiChat.Emulator;

namespace AiChat.Bench;

/// <summary>
/// <c>--capacity N</c>: only the open-streams phase, N streams on a fresh server, for each <c>--baseline NAME=PATH</c>,
/// this tree's server, and each <c>--variant NAME=VAR=VALUE</c>, one after the other. A build with
/// DASHSCOPE_HTTP2=true gets an emulator that serves HTTP/2 only, so its streams share upstream connections. With <c>--gcdump DIR</c>, a heap dump of each server is taken
/// while it holds its streams (dotnet-gcdump on the PATH or in DOTNET_TOOLS).
/// </summary>
internal static class CapacityRun
{
    public static async Task<string> RunAsync(BenchOptions options, Action<string> log, CancellationToken cancellationToken)
    {
        log("publishing AiChat.Server (Release)");
        var launch = new ServerLaunch(await ServerBuild.PublishAsync(cancellationToken), options.ServerEnvironment);
        List<(string Name, ServerLaunch Launch)> builds =
            [.. options.Baselines.Select(b => (b.Name, launch with { Published = b.Published })), ("this", launch), .. options.Variants.Select(v => (v.Name, launch.With(v.Variable, v.Value)))];
        // A stream outlasts the ramp: 2 s a word, and a ramp of 10,000 on a busy machine takes over a minute.
        var plan = BenchPlan.Full with { OpenStreams = options.OpenStreams, OpenStreamWords = Math.Max(BenchPlan.Full.OpenStreamWords, options.OpenStreams / 250) };
        var failures = new Failures();
        await using var http1Emulator = await DashScopeEmulator.StartAsync(new EmulatorOptions { RecordRequests = false }, cancellationToken);
        await using var http2Emulator = await DashScopeEmulator.StartAsync(new EmulatorOptions { RecordRequests = false, Http2Only = true }, cancellationToken);
        var text = new StringBuilder($"Open streams: {Text.Int(plan.OpenStreams)} paced streams held on a fresh server, one build after the other (see the full report's section for the method).\n\n");
        text.AppendLine(Text.Header("build", "held at once", "refused", "RSS before", "RSS at peak", "per stream", "open files at peak", "completed", "lost events"));
        var lostLog = new StringBuilder();
        foreach (var (name, build) in builds)
        {
            log($"open streams through {name}: up to {plan.OpenStreams}");
            // A client per build: the last build's pooled connections would otherwise hold their descriptors, and two
            // builds' worth of 10,000 passes the process's limit.
            using var http = BenchHttp.Create();
            var emulator = build.Environment.TryGetValue("DASHSCOPE_HTTP2", out var http2) && http2 == "true" ? http2Emulator : http1Emulator;
            await using var server = await SelfHost.StartAsync(build, emulator.NativeBaseUrl, emulator.Options.ApiKey, cancellationToken);
            var targets = new ChatTargets(emulator.NativeBaseUrl, emulator.Options.ApiKey, server.Address);
            Func<int, Task>? dump = options.GcDumpDirectory is { } directory
                ? pid => GcDumpAsync(pid, Path.Combine(directory, $"{name}.gcdump"), cancellationToken)
                : null;
            var c = await new CapacityBench(new StreamBench(http, targets, failures), server, dump).RunAsync(plan, cancellationToken);
            if (c.LostEvents > 0)
            {
                lostLog.AppendLine($"{name}'s log, first lines: " + string.Join(" / ", server.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(6)));
            }

            text.AppendLine(Text.Row(name, Text.Int(c.PeakOpen), Text.Int(c.RefusedToOpen), Text.Mb(c.RssBefore), Text.Mb(c.RssAtPeak),
                Text.Kb(c.BytesPerStream), Text.Int(c.FileDescriptorsAtPeak), Text.Int(c.Completed), Text.Int(c.LostEvents)));
        }

        if (failures.Count > 0)
        {
            text.AppendLine().AppendLine($"{Text.Int(failures.Count)} errors, first: {string.Join("; ", failures.First)}").AppendLine().Append(lostLog);
        }

        return text.ToString();
    }

    private static async Task GcDumpAsync(int pid, string output, CancellationToken cancellationToken)
    {
        var tool = Environment.GetEnvironmentVariable("DOTNET_TOOLS") is { } tools ? Path.Combine(tools, "dotnet-gcdump") : "dotnet-gcdump";
        using var process = Process.Start(new ProcessStartInfo(tool, ["collect", "-p", pid.ToString(System.Globalization.CultureInfo.InvariantCulture), "-o", output]))!;
        await process.WaitForExitAsync(cancellationToken);
    }
}

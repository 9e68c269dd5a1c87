using System.Diagnostics;
using AiChat.Emulator;

namespace AiChat.Bench;

/// <summary>
/// One paced stream at a time: once its first event is in, the client drops the connection and the emulator (in this
/// process, so on the same clock) stamps when it saw the upstream request aborted.
/// </summary>
internal sealed class AbortBench(HttpClient http, ChatTargets targets, DashScopeEmulator emulator, Failures failures)
{
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(5);

    private readonly Prompt _prompt = new("Count slowly from one to twenty please", chunkDelayMs: 1000);

    public async Task<AbortResult> RunAsync(int samples, int? serverPid, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 10; i++)
        {
            await DisconnectAsync((Route)(i % 2), cancellationToken);
        }

        var cpu = CpuShare.Start(serverPid);
        var direct = new List<double>();
        var through = new List<double>();
        for (var i = 0; i < samples; i++)
        {
            var route = (Route)(i % 2);
            if (await DisconnectAsync(route, cancellationToken) is { } delay)
            {
                (route == Route.Direct ? direct : through).Add(delay);
            }
        }

        return new AbortResult(new(direct), new(through), cpu.OthersPercent());
    }

    private async Task<double?> DisconnectAsync(Route route, CancellationToken cancellationToken)
    {
        var aborted = emulator.AbortedRequests;
        var response = await http.SendAsync(targets.Create(route, _prompt, stream: true), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            if (!response.IsSuccessStatusCode || !await FirstEventAsync(stream, cancellationToken))
            {
                failures.Add("abort", $"{route}: HTTP {(int)response.StatusCode}, no first event");
                return null;
            }
        }
        catch
        {
            response.Dispose();
            throw;
        }

        var upstream = emulator.Requests[^1];
        var disconnected = Stopwatch.GetTimestamp();
        response.Dispose();
        try
        {
            await emulator.WaitForAbortedRequestsAsync(aborted + 1, cancellationToken).WaitAsync(GiveUp, cancellationToken);
        }
        catch (TimeoutException)
        {
            failures.Add("abort", $"{route}: the emulator saw no abort within {GiveUp.TotalSeconds} s");
            return null;
        }

        return Stopwatch.GetElapsedTime(disconnected, upstream.AbortedTimestamp!.Value).TotalMilliseconds;
    }

    private static async Task<bool> FirstEventAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        var length = 0;
        while (length < buffer.Length)
        {
            var count = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (count == 0)
            {
                return false;
            }

            length += count;
            if (buffer.AsSpan(0, length).IndexOf("\n\n"u8) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}

using AiChat.Functions.Tests.Images;
using Xunit.Abstractions;

namespace AiChat.Functions.Tests.Hosts.Images;

/// <summary>
/// The server's memory while 20 clients send a 7 MiB photo each at once: measured on a self-host process of its own
/// (its peak resident set from /proc, so neither the test runner nor the emulator is counted). Each waiting request
/// holds its body; parsing, decoding and re-encoding run a few at a time behind the image gate, and the upstream body
/// is not held while DashScope works, so the peak is about 4 times the images on a 2-core machine (docs/images.md#memory).
/// The bound, 5 times, fails if a whole copy per request comes back (before the gate it was 11 times).
/// </summary>
public sealed class ImageMemoryTests(ITestOutputHelper output)
{
    private const int Clients = 20;

    [Fact]
    public async Task Twenty_clients_sending_7_MiB_images_at_once_keep_the_server_within_a_small_multiple_of_the_images()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await using var emulator = await DashScopeEmulator.StartAsync(new EmulatorOptions { ApiKey = EmulatedBackend.ApiKey, RecordRequests = false }, patience.Token);
        await using var server = await ServerProcess.StartAsync("Development", new Dictionary<string, string?>
        {
            ["DASHSCOPE_API_KEY"] = EmulatedBackend.ApiKey,
            ["DASHSCOPE_BASE_URL"] = emulator.NativeBaseUrl.AbsoluteUri,
            ["RATE_LIMIT_REQUESTS_PER_MINUTE"] = "0",
        }, patience.Token);
        using var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(3) };
        var photo = TestImages.NoisyJpeg(7 * 1024 * 1024 - 100_000);
        Assert.InRange(photo.Length, 6.75 * 1024 * 1024, 7 * 1024 * 1024);
        var body = ImageRequests.Body("/api/chat/completions", "qwen3.6-plus", "what is it?", [TestImages.DataUrl(photo, "image/jpeg")]);

        using (var warmUp = await ImageRequests.PostAsync(client, "/api/chat/completions", body))
        {
            Assert.Equal(HttpStatusCode.OK, warmUp.StatusCode);
        }

        var before = Status(server.ProcessId, "VmRSS:");
        var responses = await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
        {
            using var response = await ImageRequests.PostAsync(client, "/api/chat/completions", body);
            return response.StatusCode;
        }));
        var peak = Status(server.ProcessId, "VmHWM:");

        var images = (long)Clients * photo.Length;
        output.WriteLine($"{Clients} clients x {photo.Length} bytes ({images / 1048576} MiB of images, {body.Length / 1048576} MiB of bodies): " +
                         $"resident before {before / 1048576} MiB, peak {peak / 1048576} MiB, growth {(peak - before) / 1048576} MiB = {(double)(peak - before) / images:F2} x the images");
        Assert.All(responses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.True(peak - before < images * 5, $"peak growth {(peak - before) / 1048576} MiB for {images / 1048576} MiB of images");
    }

    /// <summary>A /proc/PID/status figure, in bytes.</summary>
    private static long Status(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }
}

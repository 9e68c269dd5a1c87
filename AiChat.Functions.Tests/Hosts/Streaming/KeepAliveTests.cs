using System.Net.Http.Headers;

namespace AiChat.Functions.Tests.Hosts.Streaming;

/// <summary>
/// STREAM_KEEPALIVE_SECONDS over real sockets, through both hosts (the Functions host stand-in forwarding each write as
/// it comes): while the upstream is silent after the stream started ([[pause-ms:N]]), the stream carries
/// <c>: keep-alive</c> comments, and then ends as usual. The idle timeout (30 s here) counts only upstream silence.
/// </summary>
public sealed class KeepAliveTests(EmulatedBackend backend) : IClassFixture<EmulatedBackend>
{
    public static BackendMatrix Matrix => BackendMatrix.EveryHost.WithBothProtocols().WithSetup(BackendSetup.KeepAlive);

    private const string KeepAlive = ": keep-alive";

    [Theory, MatrixData]
    public async Task Events_stream_whose_upstream_pauses_7_s_gets_keep_alive_comments_and_ends_normally(BackendVariant on)
    {
        await backend.UseAsync(on);
        using var response = await TypedEvents.PostAsync(backend.Client, "[[pause-ms:7000]] hello there");
        var lines = await ReadLinesAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var comments = lines.Where(l => l.Text == KeepAlive).ToList();
        // 2 s keep-alive in a 7 s silence: three comments, give or take one for a loaded machine's timers.
        Assert.InRange(comments.Count, 2, 4);
        AssertCommentsCameBeforeTheContent(lines, comments);
        Assert.Equal("event: stream_end", lines.Last(l => l.Text.StartsWith("event:", StringComparison.Ordinal)).Text);
        var chunks = lines.Where(l => l.Text.StartsWith("data:", StringComparison.Ordinal))
            .Select(l => JsonDocument.Parse(l.Text["data:".Length..]).RootElement)
            .Where(e => e.GetProperty("type").GetString() == "stream_chunk")
            .Select(e => e.GetProperty("chunk").GetString());
        Assert.Equal("You said: hello there", string.Concat(chunks));
    }

    [Theory, MatrixData]
    public async Task Flask_stream_whose_upstream_pauses_gets_keep_alive_comments_and_ends_with_done(BackendVariant on)
    {
        await backend.UseAsync(on);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/chat/stream") { Content = Json.ChatBody("[[pause-ms:5000]] hello there") };
        await AssertKeptAliveUntilDoneAsync(request);
    }

    [Theory, MatrixData]
    public async Task OpenAI_stream_whose_upstream_pauses_gets_keep_alive_comments_and_ends_with_done(BackendVariant on)
    {
        await backend.UseAsync(on);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
        {
            Content = Json.Body("""{"model":"qwen-plus","stream":true,"messages":[{"role":"user","content":"[[pause-ms:5000]] hello there"}]}"""),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BackendSettings.ClientKey);
        await AssertKeptAliveUntilDoneAsync(request);
    }

    /// <summary>
    /// Chunks every 300 ms against a 2 s interval: a comment may come only after a real silence of about the interval
    /// (a stalled machine can make one), never while the chunks keep coming, as it would if writes did not put off the
    /// timer.
    /// </summary>
    [Theory, MatrixData]
    public async Task A_stream_whose_chunks_keep_coming_carries_a_comment_only_after_a_real_silence(BackendVariant on)
    {
        await backend.UseAsync(on);
        using var response = await TypedEvents.PostAsync(backend.Client, "[[chunk-delay-ms:300]] one two three four five six seven");
        var lines = await ReadLinesAsync(response);

        Assert.Equal("event: stream_end", lines.Last(l => l.Text.StartsWith("event:", StringComparison.Ordinal)).Text);
        Assert.Equal("You said: one two three four five six seven", string.Concat(lines
            .Where(l => l.Text.StartsWith("data:", StringComparison.Ordinal))
            .Select(l => JsonDocument.Parse(l.Text["data:".Length..]).RootElement)
            .Where(e => e.GetProperty("type").GetString() == "stream_chunk")
            .Select(e => e.GetProperty("chunk").GetString())));
        foreach (var comment in lines.Where(l => l.Text.StartsWith(':')))
        {
            var silence = Stopwatch.GetElapsedTime(lines[comment.Index - 1].Timestamp, comment.Timestamp);
            Assert.True(silence >= TimeSpan.FromSeconds(1.5), $"A keep-alive came {silence.TotalMilliseconds:F0} ms after the line before it.");
        }
    }

    /// <summary>
    /// Every comment arrived before the first content, the first of them at least a second before it: the comments
    /// were sent during the silence, not held back and delivered with the answer.
    /// </summary>
    /// <summary>The stream of a paused upstream: keep-alive comments before the content, then its end, <c>[DONE]</c>.</summary>
    private async Task AssertKeptAliveUntilDoneAsync(HttpRequestMessage request)
    {
        using var response = await backend.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var lines = await ReadLinesAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var comments = lines.Where(l => l.Text == KeepAlive).ToList();
        Assert.NotEmpty(comments);
        AssertCommentsCameBeforeTheContent(lines, comments);
        Assert.Equal("data: [DONE]", lines.Last(l => l.Text.Length > 0).Text);
    }

    private static void AssertCommentsCameBeforeTheContent(List<Line> lines, List<Line> comments)
    {
        var content = lines.First(l => l.Text.StartsWith("data:", StringComparison.Ordinal) && l.Text.Contains("You", StringComparison.Ordinal));
        Assert.All(comments, c => Assert.True(c.Index < content.Index, $"A keep-alive came after the content: line {c.Index}, content at {content.Index}."));
        var lead = Stopwatch.GetElapsedTime(comments[0].Timestamp, content.Timestamp);
        Assert.True(lead >= TimeSpan.FromSeconds(1), $"The first keep-alive arrived only {lead} before the content.");
    }

    /// <summary>The raw lines of the stream, comments included (an SSE parser drops them), each with its arrival time.</summary>
    private static async Task<List<Line>> ReadLinesAsync(HttpResponseMessage response)
    {
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var lines = new List<Line>();
        while (await reader.ReadLineAsync() is { } text)
        {
            lines.Add(new Line(lines.Count, text, Stopwatch.GetTimestamp()));
        }

        return lines;
    }

    private sealed record Line(int Index, string Text, long Timestamp);
}

using CsCheck;

namespace AiChat.Functions.Tests.Hosts.Hostile;

/// <summary>
/// Malformed framing over raw sockets: a 4xx (a JSON error wherever application code runs), nothing upstream, no stack
/// trace, and the server healthy afterwards. The hosts differ by design: under Azure Functions the host reads the body
/// from the caller and answers broken framing itself, before the app has a request to answer.
/// </summary>
public sealed class HostileFramingTests(EmulatedBackend backend) : IClassFixture<EmulatedBackend>
{
    public static BackendMatrix Matrix => BackendMatrix.EveryHost;

    /// <summary>Broken body framing (a JSON 4xx where the app answers) and broken request heads (a 4xx), from <see cref="HostileFramings"/>.</summary>
    [Theory]
    [MatrixData(nameof(HostileFramings.BodyFramings))]
    [MatrixData(nameof(HostileFramings.HeadFramings))]
    public async Task Every_framing_of_the_corpus_is_a_4xx(BackendVariant on, string corpus)
    {
        await backend.UseAsync(on);
        var framings = (IEnumerable<HostileFraming>)typeof(HostileFramings).GetMethod(corpus, Type.EmptyTypes)!.Invoke(null, null)!;
        await HostileCorpus.AssertAllAnsweredAsync(backend, framings, "hostile framings", ProblemAsync);
    }

    [Theory, MatrixData]
    public async Task Generated_mangled_chunked_bodies_are_a_json_4xx(BackendVariant on)
    {
        await backend.UseAsync(on);
        var upstreamBefore = backend.Emulator.ReceivedRequests;
        // A body the server refuses even when a mutation happens to leave the framing intact.
        var body = Encoding.UTF8.GetBytes("""{"messages":[{"role":"system","content":"You are helpful. 你好"}]}""");
        // No hex digits: a mutation can shorten a chunk size but not lengthen it past what the tail below covers.
        var noise = Gen.OneOf("\r"u8.ToArray(), "\n"u8.ToArray(), ";"u8.ToArray(), "x"u8.ToArray(), "-"u8.ToArray(), " "u8.ToArray(), [0], [0xFF], "\r\n"u8.ToArray());
        // Sent after each framing, so that a mutation that leaves the server waiting for more (a shortened chunk, a lost
        // last chunk) meets bytes that cannot continue it, rather than waiting out the minimum data rate.
        var tail = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("x\r\n", 100)));
        var mutation = Gen.Select(Gen.Int[0, 2], Gen.Int[0, 100_000], noise);
        var framings =
            from path in Gen.OneOf("/api/chat/completions", "/api/chat/stream")
            from cuts in Gen.Int[1, body.Length - 1].Array[0, 4]
            from mutations in mutation.Array[1, 3]
            select (Path: path, Body: Mutate(Chunk(body, cuts), mutations));

        await framings.SampleAsync(async framing =>
        {
            var request = (byte[])[.. RawHttp.Head(framing.Path, "Content-Type: application/json", "Transfer-Encoding: chunked"), .. framing.Body, .. tail];
            var response = await RawHttp.SendAsync(backend.Address, request);
            Assert.Null(ProblemOf(response, AppAnswersBodies));
            Assert.Equal(upstreamBefore, backend.Emulator.ReceivedRequests);
        }, iter: 200, print: framing => $"{framing.Path}: {Encoding.Latin1.GetString(framing.Body).ReplaceLineEndings("⏎")}");

        await HostileCorpus.AssertHealthyAsync(backend);
    }

    [Theory, MatrixData]
    public async Task A_chunked_trailer_that_is_not_utf8_is_a_json_4xx(BackendVariant on)
    {
        await backend.UseAsync(on);
        var upstreamBefore = backend.Emulator.ReceivedRequests;
        var body = """{"messages":[{"role":"user","content":"hi"}]}"""u8.ToArray();
        byte[] request =
        [
            .. RawHttp.Head("/api/chat/stream", "Content-Type: application/json", "Transfer-Encoding: chunked"),
            .. Encoding.ASCII.GetBytes($"{body.Length:x}\r\n"), .. body, .. "\r\n0\r\nX-Note: "u8, 0xE4, .. "\r\n\r\n"u8,
        ];

        var response = await RawHttp.SendAsync(backend.Address, request);

        Assert.Null(ProblemOf(response, AppAnswersBodies));
        Assert.Equal(upstreamBefore, backend.Emulator.ReceivedRequests);
        await HostileCorpus.AssertHealthyAsync(backend);
    }

    /// <returns>What is wrong with the answer to <paramref name="framing"/>, including a call upstream; null when nothing is.</returns>
    private async Task<string?> ProblemAsync(HostileFraming framing)
    {
        var upstreamBefore = backend.Emulator.ReceivedRequests;
        var response = await RawHttp.SendAsync(backend.Address, framing.Request);
        var problem = ProblemOf(response, framing.AppAnswers && AppAnswersBodies);
        return backend.Emulator.ReceivedRequests != upstreamBefore ? $"reached the upstream (HTTP {response.Status})" : problem;
    }

    /// <summary>The app's JSON error where the app answers, the host's own 4xx where it answers before the app.</summary>
    private static string? ProblemOf(RawHttpResponse response, bool appAnswers) => appAnswers
        ? ErrorAnswer.Problem(response.Status, response.ContentType, response.BodyText)
        : ErrorAnswer.ProblemBeforeTheApplication(response.Status, response.ContentType, response.BodyText);

    private bool AppAnswersBodies => backend.Host.IsKestrel();

    private static byte[] Chunk(byte[] body, int[] cuts)
    {
        var chunked = new MemoryStream();
        var start = 0;
        foreach (var end in cuts.Distinct().Order().Append(body.Length))
        {
            chunked.Write(Encoding.ASCII.GetBytes($"{end - start:x}\r\n"));
            chunked.Write(body, start, end - start);
            chunked.Write("\r\n"u8);
            start = end;
        }

        chunked.Write("0\r\n\r\n"u8);
        return chunked.ToArray();
    }

    /// <summary>Each mutation deletes (0), inserts (1) or overwrites (2) at a position, wrapped to the framing's length.</summary>
    private static byte[] Mutate(byte[] framing, (int Kind, int Position, byte[] Noise)[] mutations)
    {
        var bytes = framing.ToList();
        foreach (var (kind, position, noise) in mutations)
        {
            var at = position % bytes.Count;
            switch (kind)
            {
                case 0:
                    bytes.RemoveAt(at);
                    break;
                case 1:
                    bytes.InsertRange(at, noise);
                    break;
                default:
                    bytes.RemoveAt(at);
                    bytes.InsertRange(at, noise);
                    break;
            }
        }

        return [.. bytes];
    }
}

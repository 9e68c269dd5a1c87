using CsCheck;

namespace AiChat.Functions.Tests.Hosts.Hostile;

/// <summary>
/// The hostile-body corpus: every body is refused with a 4xx JSON error naming what is wrong, nothing reaches the
/// upstream, no answer carries a stack trace, and the server stays healthy.
/// </summary>
public sealed class HostileBodyTests(EmulatedBackend backend) : IClassFixture<EmulatedBackend>
{
    public static BackendMatrix Matrix => BackendMatrix.EveryHost;

    /// <summary>
    /// Each corpus of <see cref="HostileBodies"/>, every body carrying the status and field it must be refused with: text the
    /// JSON reader cannot decode (400 naming the field), a charset other than UTF-8 (415), a content-encoded body (415), a
    /// conversation without a user message, a blank or invisible message, more messages than the limit, broken JSON syntax (400).
    /// </summary>
    [Theory]
    [MatrixData(nameof(HostileBodies.BadStrings))]
    [MatrixData(nameof(HostileBodies.Charsets))]
    [MatrixData(nameof(HostileBodies.ContentEncodings))]
    [MatrixData(nameof(HostileBodies.Conversations))]
    [MatrixData(nameof(HostileBodies.BlankMessages))]
    [MatrixData(nameof(HostileBodies.MessageCounts))]
    [MatrixData(nameof(HostileBodies.Syntax))]
    public async Task Every_body_of_the_corpus_is_refused_with_its_status_naming_its_field(BackendVariant on, string corpus)
    {
        await backend.UseAsync(on);
        var bodies = (IEnumerable<HostileRequest>)typeof(HostileBodies).GetMethod(corpus, Type.EmptyTypes)!.Invoke(null, null)!;
        await HostileCorpus.AssertAllAnsweredAsync(backend, bodies, "hostile bodies", ProblemAsync);
    }

    [Theory, MatrixData]
    public async Task Generated_text_with_bad_pieces_anywhere_in_a_body_is_a_400_naming_the_field(BackendVariant on)
    {
        await backend.UseAsync(on);
        var upstreamBefore = backend.Emulator.ReceivedRequests;
        var good = Gen.OneOf("hi", " ", "你好", @"\u4f60", @"\ud83d\ude00", "😀", @"\n", @"\""", @"\\", @"\/", "é");
        var bad = Gen.OneOf(HostileBodies.BadText);
        var bodies =
            from slot in Gen.OneOf([.. JsonSlot.All])
            from before in good.Array[0, 4]
            from hostile in bad
            from after in good.Array[0, 4]
            select (Slot: slot, Text: (byte[])[.. before.SelectMany(HostileRequest.Utf8), .. hostile, .. after.SelectMany(HostileRequest.Utf8)]);

        await bodies.SampleAsync(async body =>
        {
            var request = new HostileRequest("generated", body.Slot.Path, body.Slot.Fill(body.Text), 400, body.Slot.Field);
            Assert.Null(await ProblemAsync(request));
        }, iter: 300, print: body => $"{body.Slot.Template} with {Convert.ToHexString(body.Text)}");

        Assert.Equal(upstreamBefore, backend.Emulator.ReceivedRequests);
        await HostileCorpus.AssertHealthyAsync(backend);
    }

    /// <returns>What is wrong with the answer to <paramref name="request"/>, including a call upstream; null when nothing is.</returns>
    private async Task<string?> ProblemAsync(HostileRequest request)
    {
        var upstreamBefore = backend.Emulator.ReceivedRequests;
        var content = new ByteArrayContent(request.Body);
        content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
        if (request.ContentEncoding is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Encoding", request.ContentEncoding);
        }

        using var response = await backend.Client.PostAsync(request.Path, content);
        var body = await response.Content.ReadAsStringAsync();
        var problem = ErrorAnswer.Problem((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), body, request.ExpectedStatus, request.ExpectedField);
        return backend.Emulator.ReceivedRequests != upstreamBefore ? $"reached the upstream (HTTP {(int)response.StatusCode})" : problem;
    }
}

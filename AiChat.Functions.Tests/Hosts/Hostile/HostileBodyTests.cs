using AiChat.Functions.Tests.Support;
using CsCheck;

namespace AiChat.Functions.Tests.Hosts.Hostile;

/// <summary>
/// The hostile-body corpus: every body is refused with a 4xx JSON error naming what is wrong, nothing reaches the
/// upstream, no answer carries a stack trace, and the server stays healthy.
/// </summary>
public sealed class HostileBodyTests(EmulatedBackend backend) : IClassFixture<EmulatedBackend>
{
    public static BackendMatrix Matrix => BackendMatrix.BothHosts;

    [Theory, MatrixData]
    public Task Text_the_json_reader_cannot_decode_is_a_400_naming_the_field(BackendVariant on) => AssertCorpusAsync(on, HostileBodies.BadStrings());

    [Theory, MatrixData]
    public Task A_charset_other_than_utf8_is_a_415(BackendVariant on) => AssertCorpusAsync(on, HostileBodies.Charsets());

    [Theory, MatrixData]
    public Task A_content_encoded_body_is_a_415(BackendVariant on) => AssertCorpusAsync(on, HostileBodies.ContentEncodings());

    [Theory, MatrixData]
    public Task A_conversation_without_a_user_message_is_a_400(BackendVariant on) => AssertCorpusAsync(on, HostileBodies.Conversations());

    [Theory, MatrixData]
    public Task A_blank_or_invisible_message_is_a_400(BackendVariant on) => AssertCorpusAsync(on, HostileBodies.BlankMessages());

    [Theory, MatrixData]
    public Task More_messages_than_the_limit_is_a_400(BackendVariant on) => AssertCorpusAsync(on, HostileBodies.MessageCounts());

    [Theory, MatrixData]
    public Task Broken_json_syntax_is_a_400(BackendVariant on) => AssertCorpusAsync(on, HostileBodies.Syntax());

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

    private async Task AssertCorpusAsync(BackendVariant on, IEnumerable<HostileRequest> corpus)
    {
        await backend.UseAsync(on);
        await HostileCorpus.AssertAllAnsweredAsync(backend, corpus, "hostile bodies", ProblemAsync);
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

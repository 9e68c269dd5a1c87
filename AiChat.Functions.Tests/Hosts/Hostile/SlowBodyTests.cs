namespace AiChat.Functions.Tests.Hosts.Hostile;

/// <summary>
/// Bodies that arrive too slowly, or never in full, end with a 408 JSON error once Kestrel's minimum request body data
/// rate (240 bytes a second after a 5-second grace period) gives up on them. The cases run side by side, so the class
/// costs one grace period. Under Azure Functions the host receives the body from the caller, so its server gives up on
/// it and answers the 408 itself, with its own empty body: the hosts differ there by design.
/// </summary>
public sealed class SlowBodyTests(EmulatedBackend backend) : IClassFixture<EmulatedBackend>
{
    public static BackendMatrix Matrix => BackendMatrix.EveryHost;

    private static readonly TimeSpan Drip = TimeSpan.FromMilliseconds(200);

    [Theory, MatrixData]
    public async Task A_body_too_slow_or_never_finished_is_a_408_json_error(BackendVariant on)
    {
        await backend.UseAsync(on);
        var upstreamBefore = backend.Emulator.ReceivedRequests;
        var body = HostileBodies.ValidBody("/api/chat/completions");
        var length = Encoding.UTF8.GetByteCount(body);
        const string Chunked = "Transfer-Encoding: chunked";
        var cases = new (string Description, string Path, string Framing, string Sent, string Dripped)[]
        {
            ("one byte every 200 ms", "/api/chat/completions", $"Content-Length: {length}", "", body),
            ("a chunked body, one byte every 200 ms", "/api/chat/stream", Chunked, "", $"{length:x}\r\n{body}\r\n0\r\n\r\n"),
            ("a Content-Length never fulfilled", "/api/chat/events", "Content-Length: 1000", """{"message":""", ""),
            ("a chunk never finished", "/api/chat/completions", Chunked, $"{length:x}\r\n{body[..(body.Length / 2)]}", ""),
            ("the last chunk never sent", "/api/chat/stream", Chunked, $"{length:x}\r\n{body}\r\n", ""),
            ("a gigabyte chunk declared, a few bytes sent", "/api/chat/completions", Chunked, $"40000000\r\n{body}", ""),
        };

        var answers = cases.Select(c => RawHttp.SendSlowlyAsync(backend.Address,
            [.. RawHttp.Head(c.Path, "Content-Type: application/json", c.Framing), .. Encoding.UTF8.GetBytes(c.Sent)], Encoding.UTF8.GetBytes(c.Dripped), Drip)).ToList();
        var responses = await Task.WhenAll(answers);

        var failures = cases.Zip(responses, (c, response) => (c.Description, Problem: Problem(response)))
            .Where(result => result.Problem is not null)
            .Select(result => $"{result.Description}: {result.Problem}")
            .ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Length} slow bodies were answered wrongly:\n{string.Join('\n', failures)}");
        Assert.Equal(upstreamBefore, backend.Emulator.ReceivedRequests);
        using var health = await backend.Client.GetAsync("/health");
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
    }

    private string? Problem(RawHttpResponse response) =>
        backend.Host.IsKestrel() || response.Status != 408
            ? ErrorAnswer.Problem(response.Status, response.ContentType, response.BodyText, 408)
            : ErrorAnswer.ProblemBeforeTheApplication(response.Status, response.ContentType, response.BodyText);
}

namespace AiChat.Functions.Tests.Hosts.Upstream;

/// <summary>
/// DASHSCOPE_HTTP2 over real sockets, through both hosts and both protocols, in front of an emulator that refuses
/// HTTP/1.1: every chat route answers, and the emulator saw each upstream call arrive over HTTP/2.
/// </summary>
public sealed class Http2UpstreamTests(EmulatedBackend backend) : IClassFixture<EmulatedBackend>
{
    public static BackendMatrix Matrix => BackendMatrix.EveryHost.WithBothProtocols().WithSetup(BackendSetup.Http2Upstream);

    [Theory, MatrixData]
    public async Task A_completion_goes_upstream_over_HTTP2(BackendVariant on)
    {
        await backend.UseAsync(on);
        using var response = await backend.Client.PostAsync("/api/chat/completions", Json.ChatBody("h2 completion marker"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("You said: h2 completion marker", (await Json.ReadAsync(response)).GetProperty("content").GetString());
        Assert.Equal("HTTP/2", Assert.Single(backend.RequestsWith("h2 completion marker")).HttpVersion);
    }

    [Theory, MatrixData]
    public async Task A_typed_event_stream_goes_upstream_over_HTTP2(BackendVariant on)
    {
        await backend.UseAsync(on);
        var (_, reply) = await TypedEvents.TurnAsync(backend.Client, "h2 stream marker");

        Assert.Equal("You said: h2 stream marker", reply);
        Assert.Equal("HTTP/2", Assert.Single(backend.RequestsWith("h2 stream marker")).HttpVersion);
    }

    [Theory, MatrixData]
    public async Task Twenty_streams_at_once_all_end_over_HTTP2(BackendVariant on)
    {
        await backend.UseAsync(on);
        var replies = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => TypedEvents.TurnAsync(backend.Client, $"[[chunk-delay-ms:20]] h2 many {i} marker")));

        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"You said: h2 many {i} marker"), replies.Select(r => r.Reply));
        Assert.All(Enumerable.Range(0, 20), i => Assert.Equal("HTTP/2", Assert.Single(backend.RequestsWith($"h2 many {i} marker")).HttpVersion));
    }
}

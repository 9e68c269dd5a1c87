namespace AiChat.Functions.Tests.Hosts.Hostile;

/// <summary>The hostile image corpus: each body refused with a 4xx naming the part, never a 5xx, nothing upstream, the server healthy after.</summary>
public sealed class HostileImageTests(EmulatedBackend backend) : IClassFixture<EmulatedBackend>
{
    public static BackendMatrix Matrix => BackendMatrix.EveryHost;

    [Theory, MatrixData]
    public Task Truncated_polyglot_and_declared_size_bomb_images_are_a_400_naming_the_part(BackendVariant on) => AssertCorpusAsync(on, HostileImages.Files());

    [Theory, MatrixData]
    public Task A_flood_of_images_in_one_body_is_a_400_naming_the_first_bad_part(BackendVariant on) => AssertCorpusAsync(on, HostileImages.Floods());

    private async Task AssertCorpusAsync(BackendVariant on, IEnumerable<HostileRequest> corpus)
    {
        await backend.UseAsync(on);
        await HostileCorpus.AssertAllAnsweredAsync(backend, corpus, "hostile images", async request =>
        {
            var upstreamBefore = backend.Emulator.ReceivedRequests;
            using var response = await backend.Client.PostAsync(request.Path, new ByteArrayContent(request.Body) { Headers = { { "Content-Type", "application/json" } } });
            var body = await response.Content.ReadAsStringAsync();
            var problem = ErrorAnswer.Problem((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), body, request.ExpectedStatus, request.ExpectedField);
            return backend.Emulator.ReceivedRequests != upstreamBefore ? $"reached the upstream (HTTP {(int)response.StatusCode})" : problem;
        });
    }
}

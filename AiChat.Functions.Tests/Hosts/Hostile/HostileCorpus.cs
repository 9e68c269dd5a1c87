namespace AiChat.Functions.Tests.Hosts.Hostile;

/// <summary>What the hostile-input tests share: every case of a corpus answered as it should be, and the server healthy afterwards.</summary>
internal static class HostileCorpus
{
    /// <summary>
    /// Asks <paramref name="problemOf"/> about each case in turn and fails, listing the first 30 answered wrongly, unless
    /// none was; then checks the server is healthy.
    /// </summary>
    public static async Task AssertAllAnsweredAsync<T>(EmulatedBackend backend, IEnumerable<T> corpus, string what, Func<T, Task<string?>> problemOf)
    {
        var cases = corpus.ToList();
        List<string> failures = [];
        foreach (var item in cases)
        {
            if (await problemOf(item) is { } problem)
            {
                failures.Add($"{item}: {problem}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} {what} were answered wrongly:\n{string.Join('\n', failures.Take(30))}");
        await AssertHealthyAsync(backend);
    }

    public static async Task AssertHealthyAsync(EmulatedBackend backend)
    {
        using var health = await backend.Client.GetAsync("/health");
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
    }
}

using Xunit.Abstractions;

namespace AiChat.Functions.Tests.Sessions;

[Collection(SessionMemoryTestGroup.Name)]
public sealed class MemorySessionStoreFootprintTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Ten_thousand_sessions_of_maximum_size_stay_within_the_session_count_and_a_bounded_memory()
    {
        // The defaults: 1,000 sessions of at most 100,000 characters, 2 bytes each in a .NET string.
        var options = new SessionOptions();
        const int Sessions = 10_000;
        var half = options.MaxChars / 2;
        var bound = (long)options.MaxCount * options.MaxChars * sizeof(char);
        var clock = new ManualTimeProvider();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        using var store = new MemorySessionStore(clock, Options.Create(options));

        for (var i = 0; i < Sessions; i++)
        {
            var id = SessionIds.New();
            await store.CreateAsync(id, SessionOwners.Anonymous, default);
            Assert.True(await store.AppendAsync(id, [new ChatMessage("user", new string((char)('a' + (i % 26)), half)), new ChatMessage("assistant", new string('答', half))], default));
            clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        output.WriteLine($"{Sessions} sessions of {options.MaxChars} characters, SESSION_MAX_COUNT {options.MaxCount}: {store.Count} kept, {retained / (1024.0 * 1024):F1} MiB retained (bound {bound / (1024.0 * 1024):F1} MiB)");
        Assert.InRange(store.Count, 1, options.MaxCount);
        Assert.True(retained <= bound * 11 / 10, $"{retained} bytes retained, over {bound * 11 / 10}");
        GC.KeepAlive(store);
    }
}

namespace AiChat.Functions.Tests.Support;

/// <summary>Two AiChat instances started from the same settings (so over the same store), with a client for each, as scale-out runs them.</summary>
public sealed class TwoInstances : IAsyncDisposable
{
    private readonly IAiChatHost _first;
    private readonly IAiChatHost _second;

    private TwoInstances(IAiChatHost first, IAiChatHost second)
    {
        (_first, _second) = (first, second);
        (First, Second) = (first.CreateClient(), second.CreateClient());
    }

    public HttpClient First { get; }

    public HttpClient Second { get; }

    /// <summary>The clients in turn: even <paramref name="i"/> the first instance's, odd the second's.</summary>
    public HttpClient Alternate(int i) => i % 2 == 0 ? First : Second;

    public static async Task<TwoInstances> StartAsync(Func<HostKind, Task<IAiChatHost>> start, HostKind firstHost, HostKind secondHost)
    {
        var first = await start(firstHost);
        try
        {
            return new TwoInstances(first, await start(secondHost));
        }
        catch
        {
            await first.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        First.Dispose();
        Second.Dispose();
        await _second.DisposeAsync();
        await _first.DisposeAsync();
    }
}

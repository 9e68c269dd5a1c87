using AiChat.Core.Api;
using AiChat.Core.Chat;
using AiChat.Core.Streaming;

namespace AiChat.Core.Limits;

/// <summary>One request's way through its limits: refused with an error, or admitted holding (for a stream) a slot until disposed.</summary>
internal sealed class Admission : IAsyncDisposable
{
    private readonly ClientLimits _limits;
    private readonly string _client;
    private string? _lease;

    internal Admission(ClientLimits limits, string client, string? lease, ApiError? refusal)
    {
        _limits = limits;
        _client = client;
        _lease = lease;
        Refusal = refusal;
    }

    /// <summary>Why the request may not go upstream; null when it may.</summary>
    public ApiError? Refusal { get; }

    public Task AddTokensAsync(TokenUsage? usage) => _limits.AddTokensAsync(_client, usage);

    /// <summary><paramref name="events"/>, counting the usage its end event reports.</summary>
    public async IAsyncEnumerable<ChatStreamEvent> CountingTokens(IAsyncEnumerable<ChatStreamEvent> events)
    {
        await foreach (var streamEvent in events.ConfigureAwait(false))
        {
            if (streamEvent is StreamEndEvent end)
            {
                await AddTokensAsync(end.Usage);
            }

            yield return streamEvent;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _lease, null) is { } lease)
        {
            await _limits.ReleaseAsync(_client, lease);
        }
    }
}

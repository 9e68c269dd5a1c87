namespace AiChat.Core.Limits;

/// <summary>
/// One request's way through its limits: refused with an error, or admitted holding (for a stream) a slot, and the
/// tokens its turn may spend, until disposed. The turn settles the tokens once with what it spent; an admission
/// disposed unsettled (its turn never ran) gives them all back.
/// </summary>
internal sealed class Admission : IAsyncDisposable
{
    private readonly ClientLimits _limits;
    private readonly string _client;
    private readonly TokenHold? _hold;
    private string? _lease;
    private int _settled;

    internal Admission(ClientLimits limits, string client, string? lease, ApiError? refusal, TokenHold? hold = null)
    {
        _limits = limits;
        _client = client;
        _lease = lease;
        _hold = hold;
        Refusal = refusal;
    }

    /// <summary>Why the request may not go upstream; null when it may.</summary>
    public ApiError? Refusal { get; }

    /// <summary>Counts the tokens the turn spent in place of those held; only the first call counts, and says so.</summary>
    public async Task<bool> SettleAsync(long spent)
    {
        if (_hold is null || Interlocked.Exchange(ref _settled, 1) != 0)
        {
            return false;
        }

        await _limits.SettleAsync(_client, _hold, spent);
        return true;
    }

    /// <summary>Counts one geo tool call against the client's day; the refusal's text when it has none left.</summary>
    public Task<string?> TakeToolCallAsync(CancellationToken cancellationToken) => _limits.TakeToolCallAsync(_client, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await SettleAsync(0);
        if (Interlocked.Exchange(ref _lease, null) is { } lease)
        {
            await _limits.ReleaseAsync(_client, lease);
        }
    }
}

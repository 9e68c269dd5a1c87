using AiChat.Core.Api;
using AiChat.Core.Chat;

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

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _lease, null) is { } lease)
        {
            await _limits.ReleaseAsync(_client, lease);
        }
    }
}

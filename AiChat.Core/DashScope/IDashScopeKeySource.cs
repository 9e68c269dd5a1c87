namespace AiChat.Core.DashScope;

/// <summary>Where the DashScope API key comes from. Asked on every upstream call, so a rotated key is picked up.</summary>
internal interface IDashScopeKeySource
{
    /// <exception cref="DashScopeKeyUnavailableException">No key can be had now.</exception>
    ValueTask<string> GetKeyAsync(CancellationToken cancellationToken);

    /// <summary>
    /// DashScope refused <paramref name="rejectedKey"/>: the key to try instead, read again from the source unless a
    /// caller already did so for the same refusal. The same key when the source has no other.
    /// </summary>
    /// <exception cref="DashScopeKeyUnavailableException">No key can be had now.</exception>
    ValueTask<string> RefreshKeyAsync(string rejectedKey, CancellationToken cancellationToken);

    /// <summary>For /health: whether a key can be had, and if not, why. Never the key itself.</summary>
    ValueTask<ApiKeyStatus> GetStatusAsync(CancellationToken cancellationToken);
}

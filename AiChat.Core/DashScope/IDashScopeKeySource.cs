namespace AiChat.Core.DashScope;

/// <summary>Where the DashScope API key comes from. Asked on every upstream call, so a rotated key is picked up.</summary>
public interface IDashScopeKeySource
{
    /// <exception cref="DashScopeKeyUnavailableException">No key can be had now.</exception>
    ValueTask<string> GetKeyAsync(CancellationToken cancellationToken);

    /// <summary>For /health: whether a key can be had, and if not, why. Never the key itself.</summary>
    ValueTask<ApiKeyStatus> GetStatusAsync(CancellationToken cancellationToken);
}

namespace AiChat.Core.DashScope;

/// <summary>The key from DASHSCOPE_API_KEY.</summary>
internal sealed class ConfiguredKeySource(IOptions<AiChatOptions> options) : IDashScopeKeySource
{
    private const string Source = "DASHSCOPE_API_KEY";
    private const string Missing = "DASHSCOPE_API_KEY is not set, so chat calls cannot reach DashScope.";

    public ValueTask<string> GetKeyAsync(CancellationToken cancellationToken) =>
        options.Value.ApiKey is { Length: > 0 } key
            ? ValueTask.FromResult(key)
            : ValueTask.FromException<string>(new DashScopeKeyUnavailableException(Missing));

    // Configuration is read once at start-up, so there is no other key to try.
    public ValueTask<string> RefreshKeyAsync(string rejectedKey, CancellationToken cancellationToken) => GetKeyAsync(cancellationToken);

    public ValueTask<ApiKeyStatus> GetStatusAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(new ApiKeyStatus(Source, options.Value.ApiKey is { Length: > 0 } ? null : Missing));
}

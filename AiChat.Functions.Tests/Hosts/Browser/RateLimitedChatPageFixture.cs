namespace AiChat.Functions.Tests.Hosts.Browser;

/// <summary>The chat page's server allowing each client one chat request a minute.</summary>
public sealed class RateLimitedChatPageFixture : ChatPageFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["RATE_LIMIT_REQUESTS_PER_MINUTE"] = "1",
    };
}

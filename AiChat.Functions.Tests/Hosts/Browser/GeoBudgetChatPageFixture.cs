namespace AiChat.Functions.Tests.Hosts.Browser;

/// <summary>The chat page's server allowing each client one geo tool call a day.</summary>
public sealed class GeoBudgetChatPageFixture : ChatPageFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["GEO_TOOL_CALLS_PER_CLIENT_PER_DAY"] = "1",
    };
}

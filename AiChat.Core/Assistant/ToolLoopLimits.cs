namespace AiChat.Core.Assistant;

/// <summary>
/// The bounds of one turn's tool loop (docs/geo-assistant.md#loop-bounds, #timeouts-retries-and-caching): rounds with tool_choice auto, calls run per round
/// and per turn, the time a call and the turn's tool rounds may take. Past a bound the model is called once more
/// with tool_choice none and its text is the answer.
/// </summary>
internal sealed record ToolLoopLimits
{
    public static readonly ToolLoopLimits Default = new();

    /// <summary>Model calls that may return tool calls; the call after the last of them is the final one.</summary>
    public int MaxToolRounds { get; init; } = 4;

    public int MaxCallsPerRound { get; init; } = 5;

    public int MaxCallsPerTurn { get; init; } = 10;

    /// <summary>How long one call may take, AMap requests and retry included (docs/geo-assistant.md#timeouts-retries-and-caching: 6 s); one still running then is answered <c>timeout</c>.</summary>
    public TimeSpan ToolTimeout { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>From the turn's start; after it no new tool round starts, only the final call.</summary>
    public TimeSpan ToolRoundsBudget { get; init; } = TimeSpan.FromSeconds(90);
}

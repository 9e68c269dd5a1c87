namespace AiChat.Core.DashScope.Wire;

/// <summary>A <c>tool_calls</c> entry: whole in a request's history, a fragment in a stream delta (any member may be absent).</summary>
internal sealed class WireToolCall
{
    public int? Index { get; set; }

    public string? Id { get; set; }

    public string? Type { get; set; }

    public WireFunctionCall? Function { get; set; }
}

namespace AiChat.Core.DashScope.Wire;

/// <summary>A <c>tool_calls</c> entry of an assistant turn in a request's history.</summary>
internal sealed class WireToolCall
{
    public int? Index { get; set; }

    public string? Id { get; set; }

    public string? Type { get; set; }

    public WireFunctionCall? Function { get; set; }
}

namespace AiChat.Core.DashScope;

/// <summary>One parsed upstream SSE event: a delta, the protocol's end marker, or an error.</summary>
internal readonly record struct StreamFrame(ChatDelta? Delta, bool IsEnd = false, DashScopeException? Error = null)
{
    public static readonly StreamFrame End = new(null, IsEnd: true);

    public static readonly StreamFrame Ignored = new(null);
}

namespace AiChat.Core.DashScope.Wire;

internal sealed class NativeUsage
{
    public int InputTokens { get; set; }

    public int OutputTokens { get; set; }

    public int TotalTokens { get; set; }
}

namespace AiChat.Core.DashScope.Wire;

internal sealed class CompatibleUsage
{
    public int PromptTokens { get; set; }

    public int CompletionTokens { get; set; }

    public int TotalTokens { get; set; }

    public CompatibleCompletionTokensDetails? CompletionTokensDetails { get; set; }
}

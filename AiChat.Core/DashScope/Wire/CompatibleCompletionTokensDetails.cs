namespace AiChat.Core.DashScope.Wire;

/// <summary>The compatible usage's <c>completion_tokens_details</c>; optional, as DashScope sends it only sometimes.</summary>
internal sealed class CompatibleCompletionTokensDetails
{
    public int? ReasoningTokens { get; set; }
}

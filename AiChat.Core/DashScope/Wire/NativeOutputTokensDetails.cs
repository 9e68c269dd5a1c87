namespace AiChat.Core.DashScope.Wire;

/// <summary>The native usage's <c>output_tokens_details</c>; <c>output_tokens</c> stays the total billed.</summary>
internal sealed class NativeOutputTokensDetails
{
    public int? ReasoningTokens { get; set; }
}

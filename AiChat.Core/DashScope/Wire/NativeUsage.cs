namespace AiChat.Core.DashScope.Wire;

internal sealed class NativeUsage
{
    public int InputTokens { get; set; }

    public int OutputTokens { get; set; }

    public int TotalTokens { get; set; }

    public NativeOutputTokensDetails? OutputTokensDetails { get; set; }

    /// <summary>Multimodal answers count image tokens at the top level (and again under input_tokens_details).</summary>
    public int? ImageTokens { get; set; }
}

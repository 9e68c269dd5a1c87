namespace AiChat.Core.DashScope.Wire;

/// <summary><c>result_format: message</c> fills Choices; <c>result_format: text</c> fills Text and FinishReason.</summary>
internal sealed class NativeOutput
{
    public List<NativeChoice>? Choices { get; set; }

    public string? Text { get; set; }

    public string? FinishReason { get; set; }
}

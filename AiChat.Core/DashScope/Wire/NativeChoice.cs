namespace AiChat.Core.DashScope.Wire;

internal sealed class NativeChoice
{
    public WireText? Message { get; set; }

    public string? FinishReason { get; set; }
}

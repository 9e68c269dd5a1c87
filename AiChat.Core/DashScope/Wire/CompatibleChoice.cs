namespace AiChat.Core.DashScope.Wire;

internal sealed class CompatibleChoice
{
    public WireText? Message { get; set; }

    public WireText? Delta { get; set; }

    public string? FinishReason { get; set; }
}

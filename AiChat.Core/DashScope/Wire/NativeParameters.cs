namespace AiChat.Core.DashScope.Wire;

internal sealed class NativeParameters
{
    public string ResultFormat { get; init; } = "message";

    public bool? IncrementalOutput { get; init; }

    public double? Temperature { get; init; }

    public double? TopP { get; init; }

    public int? MaxTokens { get; init; }

    public IReadOnlyList<WireTool>? Tools { get; init; }

    public string? ToolChoice { get; init; }

    public bool? ParallelToolCalls { get; init; }
}

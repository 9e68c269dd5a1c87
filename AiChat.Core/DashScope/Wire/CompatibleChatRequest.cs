namespace AiChat.Core.DashScope.Wire;

internal sealed class CompatibleChatRequest
{
    public required string Model { get; init; }

    public required IReadOnlyList<WireMessage> Messages { get; init; }

    public bool? Stream { get; init; }

    public CompatibleStreamOptions? StreamOptions { get; init; }

    public double? Temperature { get; init; }

    public double? TopP { get; init; }

    public int? MaxTokens { get; init; }

    public IReadOnlyList<string>? Stop { get; init; }

    public int? Seed { get; init; }

    public bool? EnableThinking { get; init; }

    public IReadOnlyList<WireTool>? Tools { get; init; }

    /// <summary>A string (<c>auto</c>, <c>none</c>, <c>required</c>) or a forced function object.</summary>
    public System.Text.Json.JsonElement? ToolChoice { get; init; }

    public bool? ParallelToolCalls { get; init; }
}

namespace AiChat.Core.Chat;

/// <summary>A validated chat request, the same for both DashScope protocols.</summary>
public sealed record ChatRequest(string Model, IReadOnlyList<ChatMessage> Messages)
{
    public double? Temperature { get; init; }

    public double? TopP { get; init; }

    public int? MaxTokens { get; init; }

    /// <summary>Functions offered to the model; null offers none.</summary>
    public IReadOnlyList<ChatTool>? Tools { get; init; }

    /// <summary><c>auto</c> or <c>none</c> (a forced choice is never sent, geo-contract §5.2); only with <see cref="Tools"/>.</summary>
    public string? ToolChoice { get; init; }

    public bool? ParallelToolCalls { get; init; }
}

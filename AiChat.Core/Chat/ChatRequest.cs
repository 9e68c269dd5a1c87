namespace AiChat.Core.Chat;

/// <summary>A validated chat request, the same for both DashScope protocols.</summary>
public sealed record ChatRequest(string Model, IReadOnlyList<ChatMessage> Messages)
{
    public double? Temperature { get; init; }

    public double? TopP { get; init; }

    public int? MaxTokens { get; init; }
}

namespace AiChat.Core.Chat;

/// <summary>A validated chat request, the same for both DashScope protocols.</summary>
internal sealed record ChatRequest(string Model, IReadOnlyList<ChatMessage> Messages)
{
    public double? Temperature { get; init; }

    public double? TopP { get; init; }

    public int? MaxTokens { get; init; }

    /// <summary>Up to four sequences that end the answer.</summary>
    public IReadOnlyList<string>? Stop { get; init; }

    public int? Seed { get; init; }

    /// <summary>DashScope's <c>enable_thinking</c>; null leaves the model's default.</summary>
    public bool? EnableThinking { get; init; }

    /// <summary>DashScope's <c>thinking_budget</c>: the most tokens the model may think for; null leaves the model's maximum.</summary>
    public int? ThinkingBudget { get; init; }

    /// <summary>
    /// DashScope's <c>preserve_thinking</c>: earlier turns' reasoning is sent with the history (and the turn's own is
    /// kept in the session). Otherwise reasoning never goes upstream.
    /// </summary>
    public bool? PreserveThinking { get; init; }

    /// <summary>OpenAI's <c>response_format: {"type": "json_object"}</c>: the answer must be a JSON object.</summary>
    public bool JsonMode { get; init; }

    /// <summary>Functions offered to the model; null offers none.</summary>
    public IReadOnlyList<ChatTool>? Tools { get; init; }

    /// <summary>
    /// <c>auto</c>, <c>none</c> or <c>required</c>; only with <see cref="Tools"/>. The geo assistant never forces a
    /// choice (docs/geo-assistant.md#loop-bounds); the OpenAI-compatible surface passes the caller's on, with <see cref="ForcedToolName"/>.
    /// </summary>
    public string? ToolChoice { get; init; }

    /// <summary>The one function the model must call (<c>tool_choice: {"type":"function",...}</c>); wins over <see cref="ToolChoice"/>.</summary>
    public string? ForcedToolName { get; init; }

    public bool? ParallelToolCalls { get; init; }
}

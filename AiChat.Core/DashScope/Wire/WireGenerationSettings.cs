namespace AiChat.Core.DashScope.Wire;

/// <summary>
/// The generation settings both protocols send under the same names: at the top level of a compatible-mode body,
/// under <c>parameters</c> in a native one.
/// </summary>
internal abstract class WireGenerationSettings(ChatRequest request)
{
    public double? Temperature { get; } = request.Temperature;

    public double? TopP { get; } = request.TopP;

    public int? MaxTokens { get; } = request.MaxTokens;

    public IReadOnlyList<string>? Stop { get; } = request.Stop;

    public int? Seed { get; } = request.Seed;

    public bool? EnableThinking { get; } = request.EnableThinking;

    public int? ThinkingBudget { get; } = request.ThinkingBudget;

    public bool? PreserveThinking { get; } = request.PreserveThinking == true ? true : null;

    public WireResponseFormat? ResponseFormat { get; } = request.JsonMode ? WireResponseFormat.JsonObject : null;

    public IReadOnlyList<WireTool>? Tools { get; } = WireMessages.From(request.Tools);

    /// <summary>A string (<c>auto</c>, <c>none</c>, <c>required</c>) or a forced function object.</summary>
    public JsonElement? ToolChoice { get; } = WireMessages.ToolChoice(request);

    public bool? ParallelToolCalls { get; } = request.Tools is null ? null : request.ParallelToolCalls;
}

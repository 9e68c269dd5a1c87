namespace AiChat.Core.OpenApi;

/// <summary>How the OpenAPI document describes the chat request fields: in the words of the rules that check them.</summary>
internal static class FieldDescriptions
{
    public const string Model = $"A model id from {ChatRequestParser.ModelsRoute}; the first model when absent.";

    public const string Temperature = $"The sampling temperature: {ChatFieldRules.TemperatureRange}.";

    public const string TopP = $"The nucleus sampling threshold: {ChatFieldRules.TopPRange}.";

    public const string MaxTokens = $"The most tokens the answer may take: {ChatFieldRules.MaxTokensRange} ({ChatRequestParser.ModelsRoute}).";

    public const string EnableThinking = $"Whether the model thinks: {ChatFieldRules.EnableThinkingRule}";

    public const string ThinkingBudget = $"The thinking budget: {ChatFieldRules.ThinkingBudgetRule}";

    public const string PreserveThinking = $"Keep the reasoning: {ChatFieldRules.PreserveThinkingRule}";

    public const string Role = $"One of {ChatRequestParser.Roles}.";

    public const string Message = $"The user's message, refused when {ChatRequestParser.BlankMessage}.";
}

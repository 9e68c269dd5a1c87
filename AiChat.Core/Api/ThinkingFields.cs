namespace AiChat.Core.Api;

/// <summary>A request's thinking fields once checked against the model: what goes upstream.</summary>
internal readonly record struct ThinkingFields(bool? EnableThinking, int? ThinkingBudget, bool? PreserveThinking);

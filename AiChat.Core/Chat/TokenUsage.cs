namespace AiChat.Core.Chat;

public sealed record TokenUsage(int PromptTokens, int CompletionTokens, int TotalTokens);

namespace AiChat.Core.Chat;

internal sealed record TokenUsage(int PromptTokens, int CompletionTokens, int TotalTokens);

namespace AiChat.Core.Chat;

/// <summary>A whole answer. <paramref name="Id"/> is the upstream request id.</summary>
public sealed record ChatCompletion(string Id, string Content, string Model, string? FinishReason, TokenUsage? Usage);

namespace AiChat.Core.Streaming;

/// <summary>What a caller of <see cref="StreamChatService.StreamChatAsync"/> may choose; null means the default.</summary>
public sealed record ChatOptions(string? Model = null, double? Temperature = null, double? TopP = null, int? MaxTokens = null);

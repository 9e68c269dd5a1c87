using AiChat.Core.Geo;

namespace AiChat.Core.Streaming;

/// <summary>What a caller of <see cref="StreamChatService.StreamChatAsync"/> may choose; null means the default.</summary>
/// <param name="ClientContext">The map's CRS and the user's position for the geo assistant (docs/geo-assistant.md#client-context).</param>
internal sealed record ChatOptions(string? Model = null, double? Temperature = null, double? TopP = null, int? MaxTokens = null, ClientContext? ClientContext = null);

using AiChat.Core.Api;
using AiChat.Core.Chat;

namespace AiChat.Core.Streaming;

/// <summary>One event of the Flask seed's stream: a chunk, an error, or the closing <c>[DONE]</c>.</summary>
public readonly record struct SeedStreamFrame(ChatDelta? Delta, ApiError? Error)
{
    public static SeedStreamFrame Done => default;
}

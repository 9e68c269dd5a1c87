namespace AiChat.Core.OpenAI;

/// <summary>One event of an OpenAI stream to write: a chunk, the usage chunk, a final error, or <c>[DONE]</c>.</summary>
internal readonly record struct ChunkItem(string Content)
{
    public static readonly ChunkItem Done = new("") { IsDone = true };

    public bool IsFirst { get; init; }

    public string? ReasoningContent { get; init; }

    public IReadOnlyList<RelayedToolCall>? ToolCalls { get; init; }

    public string? FinishReason { get; init; }

    public TokenUsage? Usage { get; init; }

    public ApiError? Error { get; init; }

    public bool IsDone { get; private init; }
}

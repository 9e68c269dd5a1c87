namespace AiChat.Core.Telemetry;

/// <summary>What a call's span and measurements report of its answer, gathered from a completion or from a stream's deltas.</summary>
internal sealed class GenAIOutcome
{
    private StringBuilder? _text;

    public string? ResponseId { get; private set; }

    public string? ResponseModel { get; private set; }

    public string? FinishReason { get; private set; }

    public TokenUsage? Usage { get; private set; }

    public TimeSpan? TimeToFirstChunk { get; private set; }

    public IReadOnlyList<ChatToolCall>? ToolCalls { get; private set; }

    /// <summary>The answer's text; gathered only when message content is captured.</summary>
    public string Text => _text?.ToString() ?? "";

    public static GenAIOutcome Of(ChatCompletion completion, bool keepText)
    {
        var outcome = new GenAIOutcome
        {
            ResponseId = completion.Id,
            ResponseModel = completion.Model,
            FinishReason = completion.FinishReason,
            Usage = completion.Usage,
            ToolCalls = keepText ? completion.ToolCalls : null,
        };
        if (keepText)
        {
            outcome._text = new StringBuilder(completion.Content);
        }

        return outcome;
    }

    /// <summary>Takes one delta in; <paramref name="elapsed"/> is the time since the call started.</summary>
    /// <returns>Whether it was the stream's first.</returns>
    public bool Add(ChatDelta delta, TimeSpan elapsed, bool keepText)
    {
        var first = TimeToFirstChunk is null;
        TimeToFirstChunk ??= elapsed;
        FinishReason = delta.FinishReason ?? FinishReason;
        Usage = delta.Usage ?? Usage;
        if (keepText)
        {
            (_text ??= new StringBuilder()).Append(delta.Content);
        }

        return first;
    }
}

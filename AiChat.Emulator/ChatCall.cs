namespace AiChat.Emulator;

/// <summary>A chat request reduced to what the emulator acts on, whichever protocol it came in.</summary>
internal sealed class ChatCall
{
    public string Model { get; init; } = string.Empty;

    public IReadOnlyList<EmulatedMessage> Messages { get; init; } = [];

    public bool Stream { get; init; }

    public bool IncludeUsage { get; init; }

    public bool IncrementalOutput { get; init; }

    /// <summary>Native <c>result_format: text</c> (the upstream default) rather than <c>message</c>.</summary>
    public bool TextFormat { get; init; }

    /// <summary>The names of the functions in <c>tools</c>; empty when none were offered.</summary>
    public IReadOnlyList<string> Tools { get; init; } = [];

    /// <summary><c>auto</c> (also when absent), <c>none</c>, <c>required</c>, or the forced function's name as <c>function:NAME</c>.</summary>
    public string ToolChoice { get; init; } = "auto";

    public bool ParallelToolCalls { get; init; }

    /// <summary><c>enable_thinking</c> was true.</summary>
    public bool Thinking { get; init; }

    /// <summary><c>enable_thinking</c> as sent; null when absent.</summary>
    public bool? EnableThinking { get; init; }

    public int? ThinkingBudget { get; init; }

    public bool PreserveThinking { get; init; }

    /// <summary><c>response_format: {"type":"json_object"}</c>.</summary>
    public bool JsonMode { get; init; }

    public ContentShape Content { get; init; }

    /// <summary>Why the request is malformed; answered as an invalid parameter.</summary>
    public string? Problem { get; init; }

    public string LastUserContent
    {
        get
        {
            for (var i = Messages.Count - 1; i >= 0; i--)
            {
                if (Messages[i].Role == "user")
                {
                    return Messages[i].Content;
                }
            }

            return string.Empty;
        }
    }
}

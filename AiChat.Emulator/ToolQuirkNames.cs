namespace AiChat.Emulator;

/// <summary>The marker names of <see cref="ToolQuirks"/>.</summary>
internal static class ToolQuirkNames
{
    public static ToolQuirks? Parse(string name) => name switch
    {
        "repeat-id" => ToolQuirks.RepeatId,
        "null-name" => ToolQuirks.NullName,
        "empty-first-arguments" => ToolQuirks.EmptyFirstArguments,
        "no-first-arguments" => ToolQuirks.NoFirstArguments,
        "empty-function" => ToolQuirks.EmptyFunction,
        "interleaved" => ToolQuirks.Interleaved,
        "stop-with-calls" => ToolQuirks.StopWithCalls,
        "content-array" => ToolQuirks.ContentArray,
        "extra-brace" => ToolQuirks.ExtraBrace,
        "no-index" => ToolQuirks.NoIndex,
        "repeat-name" => ToolQuirks.RepeatName,
        "reasoning" => ToolQuirks.Reasoning,
        "text-first" => ToolQuirks.TextFirst,
        "invalid-arguments" => ToolQuirks.InvalidArguments,
        "parallel" => ToolQuirks.Parallel,
        _ => null,
    };
}

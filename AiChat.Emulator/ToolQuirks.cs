namespace AiChat.Emulator;

/// <summary>The tool-call stream quirks of geo-contract §1.5 the emulator can produce, any number at once.</summary>
[Flags]
internal enum ToolQuirks
{
    None = 0,

    /// <summary>Q2: later deltas repeat the call's non-empty id.</summary>
    RepeatId = 1 << 0,

    /// <summary>Q3: later deltas send <c>"name":null</c> instead of leaving it out.</summary>
    NullName = 1 << 1,

    /// <summary>Q4: the first delta's arguments are <c>""</c>.</summary>
    EmptyFirstArguments = 1 << 2,

    /// <summary>Q4: the first delta has no arguments.</summary>
    NoFirstArguments = 1 << 3,

    /// <summary>Q5: an extra delta with <c>"function":{}</c>.</summary>
    EmptyFunction = 1 << 4,

    /// <summary>Q7: a call's last (empty) fragment and the next call's first in one frame.</summary>
    Interleaved = 1 << 5,

    /// <summary>Q9: <c>finish_reason:"stop"</c> although calls were made.</summary>
    StopWithCalls = 1 << 6,

    /// <summary>Q10: native content as <c>[]</c>, as multimodal models send it.</summary>
    ContentArray = 1 << 7,

    /// <summary>Q12: the accumulated arguments end with an extra <c>}</c>.</summary>
    ExtraBrace = 1 << 8,

    /// <summary>Q13: entries without <c>index</c>.</summary>
    NoIndex = 1 << 9,

    /// <summary>Q14: the name repeated on every delta.</summary>
    RepeatName = 1 << 10,

    /// <summary>Q17: reasoning frames before the calls.</summary>
    Reasoning = 1 << 11,

    /// <summary>Text streamed before the calls ("好的，我来查一下").</summary>
    TextFirst = 1 << 12,

    /// <summary>Arguments that are not JSON and cannot be repaired.</summary>
    InvalidArguments = 1 << 13,

    /// <summary>Q1 off: parallel calls even when parallel_tool_calls was not asked for.</summary>
    Parallel = 1 << 14,
}

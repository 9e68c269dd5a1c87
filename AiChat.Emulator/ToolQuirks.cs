namespace AiChat.Emulator;

/// <summary>The tool-call stream quirks the emulator can produce (docs/dashscope-streams.md#tool-call-stream-quirks), any number at once.</summary>
[Flags]
internal enum ToolQuirks
{
    None = 0,

    /// <summary>docs/dashscope-streams.md#same-id-repeated-on-every-fragment: later deltas repeat the call's non-empty id.</summary>
    RepeatId = 1 << 0,

    /// <summary>docs/dashscope-streams.md#name-only-on-the-first-fragment: later deltas send <c>"name":null</c> instead of leaving it out.</summary>
    NullName = 1 << 1,

    /// <summary>docs/dashscope-streams.md#first-arguments-empty-or-missing: the first delta's arguments are <c>""</c>.</summary>
    EmptyFirstArguments = 1 << 2,

    /// <summary>docs/dashscope-streams.md#first-arguments-empty-or-missing: the first delta has no arguments.</summary>
    NoFirstArguments = 1 << 3,

    /// <summary>docs/dashscope-streams.md#fragment-with-an-empty-function-object: an extra delta with <c>"function":{}</c>.</summary>
    EmptyFunction = 1 << 4,

    /// <summary>docs/dashscope-streams.md#several-calls-in-one-frame: a call's last (empty) fragment and the next call's first in one frame.</summary>
    Interleaved = 1 << 5,

    /// <summary>docs/dashscope-streams.md#finish-reason-stop-with-calls: <c>finish_reason:"stop"</c> although calls were made.</summary>
    StopWithCalls = 1 << 6,

    /// <summary>docs/dashscope-streams.md#content-null-empty-or-an-array: native content as <c>[]</c>, as multimodal models send it.</summary>
    ContentArray = 1 << 7,

    /// <summary>docs/dashscope-streams.md#arguments-with-an-extra-brace: the accumulated arguments end with an extra <c>}</c>.</summary>
    ExtraBrace = 1 << 8,

    /// <summary>docs/dashscope-streams.md#fragment-without-an-index: entries without <c>index</c>.</summary>
    NoIndex = 1 << 9,

    /// <summary>docs/dashscope-streams.md#name-repeated-on-every-fragment: the name repeated on every delta.</summary>
    RepeatName = 1 << 10,

    /// <summary>docs/dashscope-streams.md#reasoning-before-the-calls: reasoning frames before the calls.</summary>
    Reasoning = 1 << 11,

    /// <summary>Text streamed before the calls ("好的，我来查一下").</summary>
    TextFirst = 1 << 12,

    /// <summary>Arguments that are not JSON and cannot be repaired.</summary>
    InvalidArguments = 1 << 13,

    /// <summary>Parallel calls even when parallel_tool_calls was not asked for.</summary>
    Parallel = 1 << 14,
}

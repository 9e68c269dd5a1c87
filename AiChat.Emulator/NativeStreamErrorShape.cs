namespace AiChat.Emulator;

/// <summary>The three ways the native protocol reports a streamed request that fails before generation.</summary>
internal enum NativeStreamErrorShape
{
    /// <summary>HTTP 200 with an <c>event:error</c> frame carrying the real status.</summary>
    Frame,

    /// <summary>The error status with that same SSE body.</summary>
    Sse,

    /// <summary>The error status with a flat JSON body.</summary>
    Json,
}

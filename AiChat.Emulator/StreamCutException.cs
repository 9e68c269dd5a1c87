namespace AiChat.Emulator;

/// <summary>Thrown to end a started stream without its terminal frame (<c>[[fault:cut-stream]]</c>).</summary>
internal sealed class StreamCutException() : Exception("The emulator cut the stream on purpose.");

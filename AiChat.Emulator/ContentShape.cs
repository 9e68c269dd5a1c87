namespace AiChat.Emulator;

/// <summary>What shapes of message <c>content</c> a request used, for the endpoint's content checks.</summary>
[Flags]
internal enum ContentShape
{
    None = 0,
    String = 1,
    Array = 2,

    /// <summary>A part with none of the keys text, image, video or audio (or with other keys).</summary>
    UnknownPart = 4,
}

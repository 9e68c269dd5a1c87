namespace AiChat.Bench;

/// <summary>Which way a request goes: straight to the emulator, or through AiChat to it.</summary>
internal enum Route
{
    Direct,
    Through,
}

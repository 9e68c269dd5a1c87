namespace AiChat.Core.Configuration;

/// <summary>The values of <see cref="ModelInfo.Thinking"/>.</summary>
internal static class ThinkingModes
{
    /// <summary>The model cannot think.</summary>
    public const string None = "none";

    /// <summary>Thinks unless a request turns it off.</summary>
    public const string HybridOn = "hybrid-on";

    /// <summary>Thinks only when a request turns it on.</summary>
    public const string HybridOff = "hybrid-off";

    /// <summary>Always thinks; <c>enable_thinking: false</c> is refused.</summary>
    public const string Only = "only";

    public static bool IsKnown(string value) => value is None or HybridOn or HybridOff or Only;
}

namespace AiChat.Emulator;

/// <summary>One <c>tool_calls</c> entry of a frame; null members are left out (or written null where the quirk says).</summary>
internal sealed record ToolEntry(int? Index, string Id, string? Name, string? Arguments)
{
    /// <summary>Write <c>"name":null</c> instead of leaving the name out.</summary>
    public bool NameNull { get; init; }

    /// <summary>Write <c>"function":{}</c>.</summary>
    public bool EmptyFunction { get; init; }
}

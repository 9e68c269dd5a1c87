using System.Text.Json;

namespace AiChat.Emulator;

/// <summary>Lenient lookups: a missing or mistyped property reads as absent.</summary>
internal static class JsonElementExtensions
{
    public static JsonElement Property(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    public static string? StringProperty(this JsonElement element, string name) =>
        element.Property(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static bool IsTrue(this JsonElement element, string name) =>
        element.Property(name).ValueKind == JsonValueKind.True;

    /// <summary>The names in a <c>tools</c> array of <c>{"type":"function","function":{"name":…}}</c> entries.</summary>
    public static IReadOnlyList<string> ToolNames(this JsonElement tools) =>
        tools.ValueKind == JsonValueKind.Array
            ? [.. tools.EnumerateArray().Select(t => t.Property("function").StringProperty("name")).OfType<string>()]
            : [];

    /// <summary><c>tool_choice</c> as <see cref="ChatCall.ToolChoice"/> spells it.</summary>
    public static string ToolChoice(this JsonElement choice) => choice.ValueKind switch
    {
        JsonValueKind.String => choice.GetString()!,
        JsonValueKind.Object => "function:" + choice.Property("function").StringProperty("name"),
        _ => "auto",
    };
}

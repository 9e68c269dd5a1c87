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

    /// <summary>A boolean property; null when absent or not a boolean.</summary>
    public static bool? Bool(this JsonElement element, string name) => element.Property(name).ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    /// <summary>A number property as an int (0 when it is a number that is no int); null when absent.</summary>
    public static int? Int(this JsonElement element, string name) =>
        element.Property(name) is { ValueKind: JsonValueKind.Number } value ? (value.TryGetInt32(out var number) ? number : 0) : null;

    /// <summary>Whether <c>response_format</c> asks for JSON mode.</summary>
    public static bool IsJsonMode(this JsonElement element) => element.Property("response_format").StringProperty("type") == "json_object";

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

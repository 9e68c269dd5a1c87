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
}

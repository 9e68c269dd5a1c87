using System.Text;
using System.Text.Json;

namespace AiChat.Emulator;

/// <summary>Reads a <c>messages</c> array; both protocols share its shape.</summary>
internal static class MessageParser
{
    public const string InvalidMessage = "Role must be user or assistant and Content length must be greater than 0";

    public static IReadOnlyList<EmulatedMessage> Parse(JsonElement messages, out string? problem)
    {
        problem = null;
        if (messages.ValueKind != JsonValueKind.Array || messages.GetArrayLength() == 0)
        {
            problem = "messages must be a non-empty array.";
            return [];
        }

        var parsed = new List<EmulatedMessage>(messages.GetArrayLength());
        foreach (var message in messages.EnumerateArray())
        {
            var role = message.ValueKind == JsonValueKind.Object && message.TryGetProperty("role", out var r)
                && r.ValueKind == JsonValueKind.String ? r.GetString()! : string.Empty;
            var content = message.ValueKind == JsonValueKind.Object && message.TryGetProperty("content", out var c)
                ? ReadContent(c) : string.Empty;
            var known = role is "system" or "user" or "assistant" or "tool";
            if (!known || (role == "user" && content.Length == 0))
            {
                problem = InvalidMessage;
            }

            parsed.Add(new EmulatedMessage(role, content)
            {
                ToolCalls = message.Property("tool_calls") is { ValueKind: JsonValueKind.Array } calls ? [.. calls.EnumerateArray().Select(ReadCall)] : null,
                ToolCallId = message.StringProperty("tool_call_id"),
            });
        }

        return parsed;
    }

    private static EmulatedToolCall ReadCall(JsonElement call) =>
        new(call.StringProperty("id"), call.Property("function").StringProperty("name"), call.Property("function").StringProperty("arguments"));

    private static string ReadContent(JsonElement content)
    {
        switch (content.ValueKind)
        {
            case JsonValueKind.String:
                return content.GetString()!;
            case JsonValueKind.Array:
                var text = new StringBuilder();
                foreach (var part in content.EnumerateArray())
                {
                    if (part.ValueKind == JsonValueKind.Object && part.TryGetProperty("text", out var t)
                        && t.ValueKind == JsonValueKind.String)
                    {
                        text.Append(t.GetString());
                    }
                }

                return text.ToString();
            default:
                return string.Empty;
        }
    }
}

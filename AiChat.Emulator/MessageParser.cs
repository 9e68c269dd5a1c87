using System.Text;
using System.Text.Json;

namespace AiChat.Emulator;

/// <summary>Reads a <c>messages</c> array; both protocols share its shape.</summary>
internal static class MessageParser
{
    public const string InvalidMessage = "Role must be user or assistant and Content length must be greater than 0";

    /// <param name="native">Whether content parts are the native protocol's (<c>{"image": ...}</c>) rather than the compatible ones.</param>
    public static IReadOnlyList<EmulatedMessage> Parse(JsonElement messages, out string? problem, bool native = false)
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
            List<EmulatedImage>? images = null;
            var content = message.ValueKind == JsonValueKind.Object && message.TryGetProperty("content", out var c)
                ? ReadContent(c, native, ref images, ref problem) : string.Empty;
            var known = role is "system" or "user" or "assistant" or "tool";
            if (!known || (role == "user" && content.Length == 0 && images is null))
            {
                problem ??= InvalidMessage;
            }

            parsed.Add(new EmulatedMessage(role, content)
            {
                ToolCalls = message.Property("tool_calls") is { ValueKind: JsonValueKind.Array } calls ? [.. calls.EnumerateArray().Select(ReadCall)] : null,
                ToolCallId = message.StringProperty("tool_call_id"),
                Images = images,
            });
        }

        return parsed;
    }

    private static EmulatedToolCall ReadCall(JsonElement call) =>
        new(call.StringProperty("id"), call.Property("function").StringProperty("name"), call.Property("function").StringProperty("arguments"));

    private static string ReadContent(JsonElement content, bool native, ref List<EmulatedImage>? images, ref string? problem)
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
                    else if (ImageUrl(part, native) is { } url)
                    {
                        if (ImageInspector.Inspect(url, out var bad) is { } image)
                        {
                            (images ??= []).Add(image);
                        }

                        problem ??= bad;
                    }
                    else if (native && !(part.ValueKind == JsonValueKind.Object && (part.TryGetProperty("video", out _) || part.TryGetProperty("audio", out _))))
                    {
                        problem ??= ImageInspector.UnknownItem;
                    }
                }

                return text.ToString();
            default:
                return string.Empty;
        }
    }

    /// <summary>An image part's URL: native <c>{"image": url}</c>, compatible <c>{"type": "image_url", "image_url": {"url": url}}</c>.</summary>
    private static string? ImageUrl(JsonElement part, bool native)
    {
        if (part.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (native)
        {
            return part.StringProperty("image");
        }

        return part.StringProperty("type") == "image_url"
            ? part.Property("image_url") is { ValueKind: JsonValueKind.String } bare ? bare.GetString() : part.Property("image_url").StringProperty("url")
            : null;
    }
}

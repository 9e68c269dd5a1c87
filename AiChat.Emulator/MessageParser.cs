using System.Text;
using System.Text.Json;

namespace AiChat.Emulator;

/// <summary>Reads a <c>messages</c> array; both protocols share its shape.</summary>
internal static class MessageParser
{
    public const string InvalidMessage = "Role must be user or assistant and Content length must be greater than 0";

    /// <param name="shapes">The shapes of content the messages used.</param>
    /// <param name="native">Whether content parts are the native protocol's (<c>{"image": ...}</c>) rather than the compatible ones.</param>
    public static IReadOnlyList<EmulatedMessage> Parse(JsonElement messages, out string? problem, out ContentShape shapes, bool native = false)
    {
        problem = null;
        shapes = ContentShape.None;
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
                ? ReadContent(c, native, ref shapes, ref images, ref problem) : string.Empty;
            var known = role is "system" or "user" or "assistant" or "tool";
            if (!known || (role == "user" && content.Length == 0 && images is null))
            {
                problem ??= InvalidMessage;
            }

            parsed.Add(new EmulatedMessage(role, content)
            {
                ToolCalls = message.Property("tool_calls") is { ValueKind: JsonValueKind.Array } calls ? [.. calls.EnumerateArray().Select(ReadCall)] : null,
                ToolCallId = message.StringProperty("tool_call_id"),
                ReasoningContent = message.StringProperty("reasoning_content"),
                Images = images,
            });
        }

        return parsed;
    }

    /// <summary>A multimodal part: exactly one of text, image, video or audio (OpenAI's typed parts are not).</summary>
    private static bool IsModalItem(JsonElement part) =>
        part.ValueKind == JsonValueKind.Object
        && part.EnumerateObject().Count(p => p.Name is "text" or "image" or "video" or "audio") == 1
        && part.EnumerateObject().All(p => p.Name is "text" or "image" or "video" or "audio" or "min_pixels" or "max_pixels" or "enable_rotate" or "fps");

    private static EmulatedToolCall ReadCall(JsonElement call) =>
        new(call.StringProperty("id"), call.Property("function").StringProperty("name"), call.Property("function").StringProperty("arguments"));

    private static string ReadContent(JsonElement content, bool native, ref ContentShape shapes, ref List<EmulatedImage>? images, ref string? problem)
    {
        switch (content.ValueKind)
        {
            case JsonValueKind.String:
                shapes |= ContentShape.String;
                return content.GetString()!;
            case JsonValueKind.Array:
                shapes |= ContentShape.Array;
                var text = new StringBuilder();
                foreach (var part in content.EnumerateArray())
                {
                    if (!IsModalItem(part))
                    {
                        shapes |= ContentShape.UnknownPart;
                    }

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

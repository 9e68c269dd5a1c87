using System.Buffers;
using AiChat.Core.DashScope.Wire;

namespace AiChat.Core.DashScope;

internal static class WireMessages
{
    private static readonly JsonElement Auto = JsonElement.Parse("\"auto\"");
    private static readonly JsonElement None = JsonElement.Parse("\"none\"");

    /// <param name="withToolNames">Whether tool messages also carry the tool's name (the native protocol's older form, docs/geo-assistant.md#upstream-requests).</param>
    /// <param name="withReasoning">Whether assistant messages carry their reasoning (<c>preserve_thinking</c>); otherwise it never goes upstream.</param>
    public static WireMessage[] From(IReadOnlyList<ChatMessage> messages, bool withToolNames, bool withReasoning)
    {
        var wire = new WireMessage[messages.Count];
        for (var i = 0; i < wire.Length; i++)
        {
            var message = messages[i];
            var reasoning = withReasoning ? message.ReasoningContent : null;
            var content = message.Images is null ? (WireContent)message.Content : new WireContent(message.Content, message.Images);
            wire[i] = message.ToolCalls is null && message.ToolCallId is null && reasoning is null
                ? new WireMessage(message.Role, content)
                : new WireMessage(message.Role, content)
                {
                    ToolCalls = ToWire(message.ToolCalls), ToolCallId = message.ToolCallId, Name = withToolNames ? message.Name : null, ReasoningContent = reasoning,
                };
        }

        return wire;
    }

    /// <summary>The messages with content as arrays of parts (images first), for the native multimodal-generation endpoint.</summary>
    public static WirePartsMessage[] Parts(IReadOnlyList<ChatMessage> messages, bool withReasoning)
    {
        var wire = new WirePartsMessage[messages.Count];
        for (var i = 0; i < wire.Length; i++)
        {
            var message = messages[i];
            wire[i] = new WirePartsMessage(message.Role, new WireContent(message.Content, message.Images, WireContentShape.NativeParts))
            {
                ToolCalls = ToWire(message.ToolCalls), ToolCallId = message.ToolCallId, ReasoningContent = withReasoning ? message.ReasoningContent : null,
            };
        }

        return wire;
    }

    public static IReadOnlyList<WireTool>? From(IReadOnlyList<ChatTool>? tools) =>
        tools is null ? null : [.. tools.Select(t => new WireTool(new WireFunctionDeclaration(t.Name, t.Description, t.Parameters)))];

    /// <summary>The <c>tool_choice</c> to send: null without tools, a forced function as its object, else the mode string.</summary>
    public static JsonElement? ToolChoice(ChatRequest request)
    {
        if (request.Tools is null)
        {
            return null;
        }

        if (request.ForcedToolName is { } name)
        {
            var output = new ArrayBufferWriter<byte>();
            using (var json = new Utf8JsonWriter(output))
            {
                json.WriteStartObject();
                json.WriteString("type"u8, "function"u8);
                json.WriteStartObject("function"u8);
                json.WriteString("name"u8, name);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            return JsonElement.Parse(output.WrittenSpan);
        }

        return request.ToolChoice switch
        {
            null => null,
            "auto" => Auto,
            "none" => None,
            var mode => JsonElement.Parse(JsonSerializer.SerializeToUtf8Bytes(mode, DashScopeJsonContext.Default.String)),
        };
    }

    private static List<WireToolCall>? ToWire(IReadOnlyList<ChatToolCall>? calls)
    {
        if (calls is null)
        {
            return null;
        }

        var wire = new List<WireToolCall>(calls.Count);
        for (var i = 0; i < calls.Count; i++)
        {
            wire.Add(new WireToolCall { Index = i, Id = calls[i].Id, Type = "function", Function = new WireFunctionCall { Name = calls[i].Name, Arguments = calls[i].Arguments } });
        }

        return wire;
    }
}

using AiChat.Core.Chat;
using AiChat.Core.DashScope.Wire;

namespace AiChat.Core.DashScope;

internal static class WireMessages
{
    /// <param name="withToolNames">Whether tool messages also carry the tool's name (the native protocol's older form, geo-contract §3.1).</param>
    public static WireMessage[] From(IReadOnlyList<ChatMessage> messages, bool withToolNames)
    {
        var wire = new WireMessage[messages.Count];
        for (var i = 0; i < wire.Length; i++)
        {
            var message = messages[i];
            wire[i] = message.ToolCalls is null && message.ToolCallId is null
                ? new WireMessage(message.Role, message.Content)
                : new WireMessage(message.Role, message.Content) { ToolCalls = ToWire(message.ToolCalls), ToolCallId = message.ToolCallId, Name = withToolNames ? message.Name : null };
        }

        return wire;
    }

    public static IReadOnlyList<WireTool>? From(IReadOnlyList<ChatTool>? tools) =>
        tools is null ? null : [.. tools.Select(t => new WireTool(new WireFunctionDeclaration(t.Name, t.Description, t.Parameters)))];

    /// <summary>A delta's <c>tool_calls</c> as fragments; null when it had none.</summary>
    public static IReadOnlyList<ToolCallFragment>? Fragments(List<WireToolCall>? toolCalls)
    {
        if (toolCalls is not { Count: > 0 })
        {
            return null;
        }

        var fragments = new ToolCallFragment[toolCalls.Count];
        for (var i = 0; i < fragments.Length; i++)
        {
            var call = toolCalls[i];
            fragments[i] = new ToolCallFragment(call.Index, call.Id, call.Function?.Name, call.Function?.Arguments);
        }

        return fragments;
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

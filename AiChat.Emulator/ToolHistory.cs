using System.Text.Json;

namespace AiChat.Emulator;

/// <summary>
/// The checks DashScope makes on tools and tool history before generating (docs/dashscope-streams.md#tool-history-errors), with its own words:
/// every tool_call_id answered by a tool message before anything else, no tool message without a call to answer,
/// arguments in history that are JSON, a forced function that is offered, no forced choice while thinking.
/// </summary>
internal static class ToolHistory
{
    public const string UnansweredStart =
        "An assistant message with \"tool_calls\" must be followed by tool messages responding to each \"tool_call_id\". The following tool_call_ids did not have response messages: ";

    public const string Orphan = "messages with role \"tool\" must be a response to a preceeding message with \"tool_calls\".";

    public const string ArgumentsNotJson = "The \"function.arguments\" parameter of the code model must be in JSON format.";

    public const string ChoiceWhileThinking = "The tool_choice parameter does not support being set to required or object in thinking mode";

    /// <returns>The problem as DashScope words it, or null when the request is acceptable.</returns>
    public static string? Validate(ChatCall call)
    {
        if (call.ToolChoice.StartsWith("function:", StringComparison.Ordinal))
        {
            var name = call.ToolChoice["function:".Length..];
            if (call.Thinking)
            {
                return ChoiceWhileThinking;
            }

            if (!call.Tools.Contains(name))
            {
                return $"Invalid value for \"tool_choice\": no function named \"{name}\" was specified in the \"tools\" parameter.";
            }
        }
        else if (call.ToolChoice == "required" && call.Thinking)
        {
            return ChoiceWhileThinking;
        }

        var pending = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < call.Messages.Count; i++)
        {
            var message = call.Messages[i];
            if (message.Role == "tool")
            {
                if (message.ToolCallId is null || !pending.Remove(message.ToolCallId))
                {
                    return Orphan;
                }

                continue;
            }

            if (pending.Count > 0)
            {
                return Unanswered(i);
            }

            foreach (var toolCall in message.Role == "assistant" ? message.ToolCalls ?? [] : [])
            {
                if (!IsJson(toolCall.Arguments))
                {
                    return ArgumentsNotJson;
                }

                pending.Add(toolCall.Id ?? "");
            }
        }

        return pending.Count > 0 ? Unanswered(call.Messages.Count) : null;
    }

    private static string Unanswered(int index) => $"{UnansweredStart}message[{index}].role";

    private static bool IsJson(string? arguments)
    {
        if (arguments is null)
        {
            return false;
        }

        try
        {
            using var _ = JsonDocument.Parse(arguments);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

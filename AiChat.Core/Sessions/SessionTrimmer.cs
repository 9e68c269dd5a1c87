namespace AiChat.Core.Sessions;

/// <summary>
/// The bound on a session's history, shared by every store (RedisSessionStore's script implements the same rule):
/// the oldest messages, whatever their role (a caller's system messages too), are dropped while there are more than
/// SESSION_MAX_MESSAGES or more than SESSION_MAX_CHARS code points; then any assistant message left at the front of
/// the conversation (after any system messages), so the history starts with a user turn. A tool exchange (an assistant
/// message with tool calls and the tool messages answering them) is dropped whole, never split, so the history never
/// holds an orphan (docs/geo-assistant.md#sessions). The turn just appended is never dropped, however long it is.
/// </summary>
internal static class SessionTrimmer
{
    public static void Trim(List<ChatMessage> messages, int firstNew, SessionOptions limits)
    {
        var count = messages.Count;
        var chars = 0;
        foreach (var message in messages)
        {
            chars += Length(message.Content);
        }

        while ((count > limits.MaxMessages || chars > limits.MaxChars) && firstNew > 0)
        {
            var index = 0;
            do
            {
                count--;
                chars -= Length(messages[index].Content);
                messages.RemoveAt(index);
                firstNew--;
            }
            while (index < firstNew && messages[index].Role == "tool");
        }

        while (OldestNotSystem(messages, firstNew) is var index and >= 0 && messages[index].Role is "assistant" or "tool")
        {
            do
            {
                messages.RemoveAt(index);
                firstNew--;
            }
            while (index < firstNew && messages[index].Role == "tool");
        }
    }

    private static int Length(string content)
    {
        var length = 0;
        foreach (var _ in content.EnumerateRunes())
        {
            length++;
        }

        return length;
    }

    private static int OldestNotSystem(List<ChatMessage> messages, int firstNew) =>
        messages.FindIndex(0, firstNew, m => m.Role != "system");
}

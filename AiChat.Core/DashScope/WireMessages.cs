using AiChat.Core.Chat;
using AiChat.Core.DashScope.Wire;

namespace AiChat.Core.DashScope;

internal static class WireMessages
{
    public static WireMessage[] From(IReadOnlyList<ChatMessage> messages)
    {
        var wire = new WireMessage[messages.Count];
        for (var i = 0; i < wire.Length; i++)
        {
            wire[i] = new WireMessage(messages[i].Role, messages[i].Content);
        }

        return wire;
    }
}

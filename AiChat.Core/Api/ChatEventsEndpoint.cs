using AiChat.Core.Streaming;
using Microsoft.AspNetCore.Http;

namespace AiChat.Core.Api;

/// <summary>POST /api/chat/events: the stream-chat-service seed's typed events; without session_id a session starts.</summary>
public sealed class ChatEventsEndpoint(ChatRequestReader reader, StreamChatService chat)
{
    public async Task HandleAsync(HttpContext context)
    {
        var read = await reader.ReadAsync(context.Request, ChatBodyShape.Message, context.RequestAborted);
        if (!read.IsValid)
        {
            await ApiErrorWriter.WriteAsync(context, read.Error);
            return;
        }

        var events = chat.StreamAsync(read.Request, read.SessionId, startSession: true, context.RequestAborted);
        await ChatStreamResponder.RespondAsync(context, events, TypedEventFormat.Instance);
    }
}

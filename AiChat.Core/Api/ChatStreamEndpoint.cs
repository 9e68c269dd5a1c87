using AiChat.Core.Streaming;
using Microsoft.AspNetCore.Http;

namespace AiChat.Core.Api;

/// <summary>POST /api/chat/stream: the Flask seed's server-sent events, continuing a session when named.</summary>
public sealed class ChatStreamEndpoint(ChatRequestReader reader, StreamChatService chat)
{
    public async Task HandleAsync(HttpContext context)
    {
        var read = await reader.ReadAsync(context.Request, ChatBodyShape.Messages, context.RequestAborted);
        if (!read.IsValid)
        {
            await ApiErrorWriter.WriteAsync(context, read.Error);
            return;
        }

        var events = chat.StreamAsync(read.Request, read.SessionId, startSession: false, context.RequestAborted);
        await ChatStreamResponder.RespondAsync(context, events, SeedStreamFormat.Instance);
    }
}

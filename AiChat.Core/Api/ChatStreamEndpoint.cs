using AiChat.Core.Chat;
using AiChat.Core.Streaming;
using Microsoft.AspNetCore.Http;

namespace AiChat.Core.Api;

/// <summary>POST /api/chat/stream: the seed's server-sent events.</summary>
public sealed class ChatStreamEndpoint(ChatRequestReader reader, IBailianClient client, ChatStreamResponder responder)
{
    public async Task HandleAsync(HttpContext context)
    {
        var read = await reader.ReadAsync(context.Request, context.RequestAborted);
        if (!read.IsValid)
        {
            await ApiErrorWriter.WriteAsync(context, read.Error);
            return;
        }

        await responder.RespondAsync(context, client.StreamAsync(read.Request, context.RequestAborted), SeedStreamFormat.Instance);
    }
}

using AiChat.Core.Limits;
using AiChat.Core.Streaming;
using Microsoft.AspNetCore.Http;

namespace AiChat.Core.Api;

/// <summary>POST /api/chat/stream and POST /api/chat/events: one pipeline, each in its own <see cref="StreamDialect"/>.</summary>
internal sealed class ChatStreamEndpoint(ChatRequestReader reader, StreamChatService chat, ClientLimits limits)
{
    public async Task HandleAsync(HttpContext context, StreamDialect dialect)
    {
        var read = await reader.ReadAsync(context.Request, dialect.BodyShape, context.RequestAborted);
        if (!read.IsValid)
        {
            await ApiErrorWriter.WriteAsync(context, read.Error);
            return;
        }

        await using var admission = await limits.AdmitAsync(context, stream: true, context.RequestAborted);
        if (admission.Refusal is { } refusal)
        {
            await ApiErrorWriter.WriteAsync(context, refusal);
            return;
        }

        var events = chat.StreamAsync(read.Request, read.SessionId, dialect.StartsSession, dialect.OffersGeoTools, read.ClientContext, context.RequestAborted);
        await ChatStreamResponder.RespondAsync(context, admission.CountingTokens(events), dialect.Format);
    }
}

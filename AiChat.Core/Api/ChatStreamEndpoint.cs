using AiChat.Core.Limits;
using AiChat.Core.Sessions;
using AiChat.Core.Streaming;
using AiChat.Core.Turns;

namespace AiChat.Core.Api;

/// <summary>POST /api/chat/stream and POST /api/chat/events: one turn, each in its own <see cref="StreamDialect"/>.</summary>
internal sealed class ChatStreamEndpoint(ChatRequestReader reader, ChatTurn turn, ClientLimits limits, ChatFailures failures, StreamKeepAlive keepAlive, SessionOwners owners)
{
    public async Task HandleAsync(HttpContext context, StreamDialect dialect)
    {
        var read = await reader.ReadAsync(context.Request, dialect.BodyShape, stream: true, context.RequestAborted);
        if (!read.IsValid)
        {
            await ApiErrorWriter.WriteAsync(context, read.Error);
            return;
        }

        await using var admission = await limits.AdmitAsync(context, read.Request, stream: true, context.RequestAborted);
        if (admission.Refusal is { } refusal)
        {
            await ApiErrorWriter.WriteAsync(context, refusal);
            return;
        }

        var request = new TurnRequest(read.Request, read.SessionId)
        {
            SessionOwner = owners.Of(context),
            StartsSession = dialect.StartsSession,
            OffersGeoTools = dialect.OffersGeoTools,
            ClientContext = read.ClientContext,
            Admission = admission,
        };
        await new ChatStreamResult<ChatStreamEvent?>(turn.StreamAsync(request, context.RequestAborted), dialect.Format, failures, keepAlive).ExecuteAsync(context);
    }
}

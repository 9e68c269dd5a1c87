using AiChat.Core.Chat;
using AiChat.Core.Configuration;
using AiChat.Core.Limits;
using AiChat.Core.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiChat.Core.Api;

/// <summary>POST /api/chat/completions: one whole answer in the seed's shape, continuing a session when named.</summary>
internal sealed class ChatCompletionsEndpoint(
    ChatRequestReader reader,
    IDashScopeClient client,
    ChatSessions sessions,
    ClientLimits limits,
    IOptions<AiChatOptions> options,
    ILogger<ChatCompletionsEndpoint> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        var aborted = context.RequestAborted;
        var read = await reader.ReadAsync(context.Request, ChatBodyShape.Messages, aborted);
        if (!read.IsValid)
        {
            await ApiErrorWriter.WriteAsync(context, read.Error);
            return;
        }

        await using var admission = await limits.AdmitAsync(context, stream: false, aborted);
        if (admission.Refusal is { } refusal)
        {
            await ApiErrorWriter.WriteAsync(context, refusal);
            return;
        }

        try
        {
            var conversation = await sessions.BeginAsync(read.SessionId, read.Request.Messages, startNew: false, aborted);
            var answer = await client.CompleteAsync(read.Request with { Messages = conversation.Messages }, aborted);
            await admission.AddTokensAsync(answer.Usage);
            await sessions.CompleteAsync(conversation, answer.Content, aborted);
            ChatLog.Answered(logger, answer.Model, answer.FinishReason, answer.Usage?.PromptTokens, answer.Usage?.CompletionTokens, answer.Usage?.TotalTokens, conversation.SessionId);
            var body = new CompletionResponse(answer.Id, answer.Content, answer.Model, answer.FinishReason, UsageResponse.From(answer.Usage));
            await TypedResults.Json(body, AiChatJsonContext.Relaxed.CompletionResponse).ExecuteAsync(context);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away; the upstream call was cancelled with it.
        }
        catch (Exception e) when (ChatErrorMapper.Map(e, options.Value.RateLimitRetryAfterSeconds) is { } error)
        {
            ChatLog.CallFailed(logger, error.Status, error.Code, error.UpstreamRequestId, e);
            await ApiErrorWriter.WriteAsync(context, error);
        }
    }
}

using AiChat.Core.Chat;
using AiChat.Core.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiChat.Core.Api;

/// <summary>POST /api/chat/completions: one whole answer in the seed's shape.</summary>
public sealed class ChatCompletionsEndpoint(
    ChatRequestReader reader,
    IBailianClient client,
    IOptions<AiChatOptions> options,
    ILogger<ChatCompletionsEndpoint> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        var aborted = context.RequestAborted;
        var read = await reader.ReadAsync(context.Request, aborted);
        if (!read.IsValid)
        {
            await ApiErrorWriter.WriteAsync(context, read.Error);
            return;
        }

        try
        {
            var answer = await client.CompleteAsync(read.Request, aborted);
            var body = new CompletionResponse(answer.Id, answer.Content, answer.Model, answer.FinishReason, UsageResponse.From(answer.Usage));
            await TypedResults.Json(body, AiChatJsonContext.Relaxed.CompletionResponse).ExecuteAsync(context);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away; the upstream call was cancelled with it.
        }
        catch (Exception e) when (UpstreamErrorMapper.Map(e, options.Value.RateLimitRetryAfterSeconds) is { } error)
        {
            UpstreamLog.CallFailed(logger, error.Status, error.Code, error.UpstreamRequestId, e);
            await ApiErrorWriter.WriteAsync(context, error);
        }
    }
}

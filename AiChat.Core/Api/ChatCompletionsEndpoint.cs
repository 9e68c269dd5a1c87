using AiChat.Core.Limits;
using AiChat.Core.Sessions;
using AiChat.Core.Turns;

namespace AiChat.Core.Api;

/// <summary>POST /api/chat/completions: one whole answer in the Flask-compatible shape, continuing a session when named.</summary>
internal sealed class ChatCompletionsEndpoint(ChatRequestReader reader, ChatTurn turn, ClientLimits limits, ChatFailures failures, SessionOwners owners)
{
    public async Task HandleAsync(HttpContext context)
    {
        var aborted = context.RequestAborted;
        var read = await reader.ReadAsync(context.Request, ChatBodyShape.Messages, stream: false, aborted);
        if (!read.IsValid)
        {
            await ApiErrorWriter.WriteAsync(context, read.Error);
            return;
        }

        await using var admission = await limits.AdmitAsync(context, read.Request, stream: false, aborted);
        if (admission.Refusal is { } refusal)
        {
            await ApiErrorWriter.WriteAsync(context, refusal);
            return;
        }

        try
        {
            await AnswerAsync(context, new TurnRequest(read.Request, read.SessionId) { SessionOwner = owners.Of(context), Admission = admission }, aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away; the upstream call was cancelled with it.
        }
    }

    private async Task AnswerAsync(HttpContext context, TurnRequest request, CancellationToken aborted)
    {
        if (await failures.CompleteAsync(turn, request, context, ApiErrorWriter.WriteAsync, aborted) is not { } answer)
        {
            return;
        }

        var body = new CompletionResponse(answer.Id, answer.Content, answer.Model, answer.FinishReason, UsageResponse.From(answer.Usage))
        {
            ReasoningContent = answer.ReasoningContent,
        };
        await new JsonAnswer<CompletionResponse>(body, AiChatJsonContext.Default.CompletionResponse).ExecuteAsync(context);
    }
}

using AiChat.Core.Limits;
using AiChat.Core.Streaming;
using AiChat.Core.Turns;

namespace AiChat.Core.OpenAI;

/// <summary>
/// POST /v1/chat/completions: the caller's conversation and tools go upstream as they are (no session, no geo tools),
/// and the answer comes back as a <c>chat.completion</c>, or as <c>chat.completion.chunk</c> events ending in
/// <c>[DONE]</c> (<see cref="OpenAIStreamFormat"/>), errors in OpenAI's envelope.
/// </summary>
internal sealed class OpenAIChatEndpoint(
    ClientKeys keys,
    ChatRequestReader reader,
    ChatTurn turn,
    ClientLimits limits,
    ChatFailures failures,
    StreamKeepAlive keepAlive,
    TimeProvider time,
    IOptions<AiChatOptions> options,
    IOptions<ImageOptions> imageOptions)
{
    public async Task HandleAsync(HttpContext context)
    {
        if (keys.Refuse(context.Request, out var clientId) is { } refused)
        {
            await OpenAIErrors.WriteAsync(context, refused);
            return;
        }

        var aborted = context.RequestAborted;
        var read = await reader.ReadAsync(
            context.Request, body => OpenAIChatRequestParser.Parse(body, options.Value, imageOptions.Value), error => new OpenAIChatReadResult(error), aborted);
        if (read.IsValid && read.Images.Count > 0)
        {
            var (attached, badImage) = await reader.AttachImagesAsync(read.Request, read.Images, aborted);
            read = attached is null ? new OpenAIChatReadResult(badImage!) : new OpenAIChatReadResult(attached, read.Stream, read.IncludeUsage);
        }

        if (!read.IsValid)
        {
            await OpenAIErrors.WriteAsync(context, read.Error);
            return;
        }

        await using var admission = await limits.AdmitAsync(context, read.Request, read.Stream, clientId, aborted);
        if (admission.Refusal is { } limited)
        {
            await OpenAIErrors.WriteAsync(context, limited);
            return;
        }

        if (read.Stream)
        {
            var events = turn.StreamAsync(new TurnRequest(read.Request) { RelaysDeltas = true, Admission = admission }, aborted);
            await new ChatStreamResult<ChunkItem>(events, new OpenAIStreamFormat(time, read.IncludeUsage), failures, keepAlive).ExecuteAsync(context);
            return;
        }

        try
        {
            await CompleteAsync(context, new TurnRequest(read.Request) { Admission = admission }, aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The caller went away; the upstream call was cancelled with it.
        }
    }

    private async Task CompleteAsync(HttpContext context, TurnRequest request, CancellationToken aborted)
    {
        if (await failures.CompleteAsync(turn, request, context, OpenAIErrors.WriteAsync, aborted) is not { } answer)
        {
            return;
        }

        context.Response.ContentType = "application/json";
        await using (var json = new Utf8JsonWriter(context.Response.BodyWriter, OpenAIJson.WriterOptions))
        {
            OpenAIJson.WriteCompletion(json, answer, request.Request.Model, time.GetUtcNow().ToUnixTimeSeconds());
        }

        await context.Response.BodyWriter.FlushAsync(aborted);
    }
}

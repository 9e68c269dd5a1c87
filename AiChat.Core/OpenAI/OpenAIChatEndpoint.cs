using System.Buffers;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using AiChat.Core.Api;
using AiChat.Core.Chat;
using AiChat.Core.Configuration;
using AiChat.Core.Limits;
using AiChat.Core.Streaming;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiChat.Core.OpenAI;

/// <summary>
/// POST /v1/chat/completions: the caller's conversation and tools go upstream as they are (no session, no geo tools),
/// and the answer comes back as a <c>chat.completion</c>, or as <c>chat.completion.chunk</c> events ending in
/// <c>[DONE]</c>. Nothing is sent until the upstream has answered: a failure before that is an error with its status;
/// after it, a final <c>{"error": ...}</c> event ends the stream. The caller going away cancels the upstream call.
/// </summary>
internal sealed partial class OpenAIChatEndpoint(
    ClientKeys keys,
    ChatRequestReader reader,
    IDashScopeClient client,
    ClientLimits limits,
    TimeProvider time,
    IOptions<AiChatOptions> options,
    ILogger<OpenAIChatEndpoint> logger)
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
            context.Request, body => OpenAIChatRequestParser.Parse(body, options.Value), error => new OpenAIChatReadResult(error), aborted);
        if (!read.IsValid)
        {
            await OpenAIErrors.WriteAsync(context, read.Error);
            return;
        }

        await using var admission = await limits.AdmitAsync(context, read.Stream, clientId, aborted);
        if (admission.Refusal is { } limited)
        {
            await OpenAIErrors.WriteAsync(context, limited);
            return;
        }

        try
        {
            if (read.Stream)
            {
                await StreamAsync(context, read.Request, read.IncludeUsage, admission, aborted);
            }
            else
            {
                await CompleteAsync(context, WithoutThinking(read.Request), admission, aborted);
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The caller went away; the upstream call was cancelled with it.
        }
    }

    /// <summary>
    /// DashScope refuses a non-streaming call to a model that is thinking (the open Qwen3 models think unless told not
    /// to), so such a call always says <c>enable_thinking: false</c>.
    /// </summary>
    private static ChatRequest WithoutThinking(ChatRequest request) =>
        request.EnableThinking == true || (request.EnableThinking is null && OpenQwen3().IsMatch(request.Model))
            ? request with { EnableThinking = false }
            : request;

    private async Task CompleteAsync(HttpContext context, ChatRequest request, Admission admission, CancellationToken aborted)
    {
        ChatCompletion answer;
        try
        {
            answer = await client.CompleteAsync(request, aborted);
        }
        catch (Exception e) when (!aborted.IsCancellationRequested)
        {
            var error = Failure(e);
            ChatLog.CallFailed(logger, error.Status, error.Code, error.UpstreamRequestId, e);
            await OpenAIErrors.WriteAsync(context, error);
            return;
        }

        ChatLog.Answered(logger, answer.Model, answer.FinishReason, answer.Usage?.PromptTokens, answer.Usage?.CompletionTokens, answer.Usage?.TotalTokens, null);
        await admission.AddTokensAsync(answer.Usage);
        context.Response.ContentType = "application/json";
        await using (var json = new Utf8JsonWriter(context.Response.BodyWriter, OpenAIJson.WriterOptions))
        {
            OpenAIJson.WriteCompletion(json, answer, request.Model, time.GetUtcNow().ToUnixTimeSeconds());
        }

        await context.Response.BodyWriter.FlushAsync(aborted);
    }

    private async Task StreamAsync(HttpContext context, ChatRequest request, bool includeUsage, Admission admission, CancellationToken aborted)
    {
        await using var deltas = client.StreamAsync(request, aborted).GetAsyncEnumerator(aborted);
        bool any;
        try
        {
            any = await deltas.MoveNextAsync();
        }
        catch (Exception e) when (!aborted.IsCancellationRequested)
        {
            var error = Failure(e);
            ChatLog.CallFailed(logger, error.Status, error.Code, error.UpstreamRequestId, e);
            await OpenAIErrors.WriteAsync(context, error);
            return;
        }

        var header = new StreamHeader("chatcmpl-" + Guid.NewGuid().ToString("N"), time.GetUtcNow().ToUnixTimeSeconds(), request.Model, includeUsage);
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.StartAsync(aborted);
        await SseFormatter.WriteAsync(Items(any ? deltas.Current : null, deltas, includeUsage, admission, aborted), response.Body, (item, output) => Write(item, header, output), aborted);
    }

    private async IAsyncEnumerable<SseItem<ChunkItem>> Items(
        ChatDelta? first, IAsyncEnumerator<ChatDelta> deltas, bool includeUsage, Admission admission, [EnumeratorCancellation] CancellationToken aborted)
    {
        var relay = new ToolCallRelay();
        TokenUsage? usage = null;
        var delta = first;
        var isFirst = true;
        while (delta is not null)
        {
            usage = delta.Usage ?? usage;
            var calls = relay.Relay(delta.ToolCalls);
            if (isFirst || delta.Content.Length > 0 || delta.ReasoningContent is not null || calls is not null || delta.FinishReason is not null)
            {
                yield return new SseItem<ChunkItem>(new ChunkItem(delta.Content)
                {
                    IsFirst = isFirst,
                    ReasoningContent = delta.ReasoningContent,
                    ToolCalls = calls,
                    FinishReason = delta.FinishReason,
                });
                isFirst = false;
            }

            ApiError? failure = null;
            try
            {
                delta = await deltas.MoveNextAsync() ? deltas.Current : null;
            }
            catch (Exception e) when (!aborted.IsCancellationRequested)
            {
                var error = Failure(e);
                ChatLog.StreamFailed(logger, error.Status, error.Code, error.UpstreamRequestId, e);
                failure = error;
            }

            if (failure is not null)
            {
                yield return new SseItem<ChunkItem>(new ChunkItem("") { Error = failure });
                yield break;
            }
        }

        if (isFirst)
        {
            yield return new SseItem<ChunkItem>(new ChunkItem("") { IsFirst = true, FinishReason = "stop" });
        }

        await admission.AddTokensAsync(usage);
        if (includeUsage && usage is not null)
        {
            yield return new SseItem<ChunkItem>(new ChunkItem("") { Usage = usage });
        }

        yield return new SseItem<ChunkItem>(ChunkItem.Done);
    }

    private static void Write(SseItem<ChunkItem> item, in StreamHeader header, IBufferWriter<byte> output)
    {
        var chunk = item.Data;
        if (chunk.IsDone)
        {
            output.Write("[DONE]"u8);
            return;
        }

        var json = SseJson.Start(output);
        if (chunk.Error is { } error)
        {
            OpenAIErrors.WriteEnvelope(json, error);
        }
        else if (chunk.Usage is { } usage)
        {
            OpenAIJson.WriteUsageChunk(json, header, usage);
        }
        else
        {
            OpenAIJson.WriteChunk(json, header, chunk);
        }

        json.Flush();
    }

    /// <summary>What the caller is told: the seed endpoints' answer to the same failure, or a 500 that says nothing more.</summary>
    private ApiError Failure(Exception e) => ChatErrorMapper.Map(e, options.Value.RateLimitRetryAfterSeconds) ?? ExceptionErrorMapper.Map(e);

    [GeneratedRegex(@"^qwen3-\d", RegexOptions.CultureInvariant)]
    private static partial Regex OpenQwen3();
}

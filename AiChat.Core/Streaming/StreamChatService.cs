using System.Runtime.CompilerServices;
using System.Text;
using AiChat.Core.Api;
using AiChat.Core.Chat;
using AiChat.Core.Configuration;
using AiChat.Core.Sessions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiChat.Core.Streaming;

/// <summary>
/// The stream-chat-service seed's library API, and the pipeline behind every stream endpoint: the conversation's
/// history goes upstream with the new message, the upstream deltas come back as typed events, the answered turn
/// is stored, and any failure becomes one final error event. Cancellation is never turned into an error.
/// </summary>
public sealed class StreamChatService(IBailianClient client, ChatSessions sessions, IOptions<AiChatOptions> options, ILogger<StreamChatService> logger)
{
    /// <summary>One user message in a session (a new one when <paramref name="sessionId"/> is null).</summary>
    public IAsyncEnumerable<ChatStreamEvent> StreamChatAsync(string message, string? sessionId = null, ChatOptions? chatOptions = null, CancellationToken cancellationToken = default)
    {
        var request = new ChatRequest(chatOptions?.Model ?? options.Value.DefaultModel, [new ChatMessage("user", message)])
        {
            Temperature = chatOptions?.Temperature,
            TopP = chatOptions?.TopP,
            MaxTokens = chatOptions?.MaxTokens,
        };
        return StreamAsync(request, sessionId, startSession: true, cancellationToken);
    }

    /// <param name="startSession">Without <paramref name="sessionId"/>, whether to start a session for this turn.</param>
    public async IAsyncEnumerable<ChatStreamEvent> StreamAsync(
        ChatRequest request, string? sessionId, bool startSession, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var messageId = SessionIds.New();
        var (conversation, refused) = await BeginAsync(request, sessionId, startSession, cancellationToken);
        if (refused is not null)
        {
            yield return new StreamErrorEvent(messageId, sessionId, refused);
            yield break;
        }

        yield return new StreamStartEvent(messageId, conversation.SessionId, request.Model);

        var reply = new StringBuilder();
        var (finishReason, usage, failure) = ((string?)null, (TokenUsage?)null, (ApiError?)null);
        await using (var deltas = client.StreamAsync(request with { Messages = conversation.Messages }, cancellationToken).GetAsyncEnumerator(cancellationToken))
        {
            while (true)
            {
                try
                {
                    if (!await deltas.MoveNextAsync())
                    {
                        break;
                    }
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested && Map(e) is { } error)
                {
                    ChatLog.StreamFailed(logger, error.Status, error.Code, error.UpstreamRequestId, e);
                    failure = error;
                    break;
                }

                var delta = deltas.Current;
                finishReason ??= delta.FinishReason;
                usage = delta.Usage ?? usage;
                if (delta.Content.Length > 0)
                {
                    reply.Append(delta.Content);
                    yield return new StreamChunkEvent(messageId, conversation.SessionId, delta.Content);
                }
            }
        }

        failure ??= await SaveTurnAsync(conversation, reply.ToString(), cancellationToken);
        if (failure is not null)
        {
            yield return new StreamErrorEvent(messageId, conversation.SessionId, failure);
            yield break;
        }

        ChatLog.Answered(logger, request.Model, finishReason, usage?.PromptTokens, usage?.CompletionTokens, usage?.TotalTokens, conversation.SessionId);
        yield return new StreamEndEvent(messageId, conversation.SessionId, finishReason, usage);
    }

    private async Task<(Conversation Conversation, ApiError? Error)> BeginAsync(ChatRequest request, string? sessionId, bool startSession, CancellationToken cancellationToken)
    {
        try
        {
            return (await sessions.BeginAsync(sessionId, request.Messages, startSession, cancellationToken), null);
        }
        catch (Exception e) when (Map(e) is { } error)
        {
            ChatLog.StreamFailed(logger, error.Status, error.Code, null, e);
            return (new Conversation(sessionId, [], request.Messages), error);
        }
    }

    private async Task<ApiError?> SaveTurnAsync(Conversation conversation, string reply, CancellationToken cancellationToken)
    {
        try
        {
            await sessions.CompleteAsync(conversation, reply, cancellationToken);
            return null;
        }
        catch (Exception e) when (Map(e) is { } error)
        {
            ChatLog.StreamFailed(logger, error.Status, error.Code, null, e);
            return error;
        }
    }

    private ApiError? Map(Exception e) => ChatErrorMapper.Map(e, options.Value.RateLimitRetryAfterSeconds);
}

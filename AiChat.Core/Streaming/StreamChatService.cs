using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using AiChat.Core.Api;
using AiChat.Core.Assistant;
using AiChat.Core.Chat;
using AiChat.Core.Configuration;
using AiChat.Core.Geo;
using AiChat.Core.Sessions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiChat.Core.Streaming;

/// <summary>
/// The stream-chat-service seed's library API, and the pipeline behind every stream endpoint: the conversation's
/// history goes upstream with the new message, the upstream deltas come back as typed events, the answered turn
/// is stored, and any failure becomes one final error event. stream_start comes once the upstream has answered, so
/// a failure before that is the only event. Cancellation is never turned into an error.
/// Where the geo assistant takes part, a turn is a loop of model rounds: each round's tool calls run (see
/// <see cref="ToolRound"/>) and go back upstream with their answers, within <see cref="ToolLoopLimits"/>.
/// </summary>
internal sealed class StreamChatService(
    IDashScopeClient client, ChatSessions sessions, IOptions<AiChatOptions> options, ILogger<StreamChatService> logger, IGeoTools? geoTools = null, ToolLoopLimits? limits = null)
{
    private readonly ToolLoopLimits _limits = limits ?? ToolLoopLimits.Default;

    /// <summary>One user message in a session (a new one when <paramref name="sessionId"/> is null).</summary>
    public IAsyncEnumerable<ChatStreamEvent> StreamChatAsync(string message, string? sessionId = null, ChatOptions? chatOptions = null, CancellationToken cancellationToken = default)
    {
        var request = new ChatRequest(chatOptions?.Model ?? options.Value.DefaultModel, [new ChatMessage("user", message)])
        {
            Temperature = chatOptions?.Temperature,
            TopP = chatOptions?.TopP,
            MaxTokens = chatOptions?.MaxTokens,
        };
        return StreamAsync(request, sessionId, startSession: true, offerGeoTools: true, chatOptions?.ClientContext, cancellationToken);
    }

    /// <param name="startSession">Without <paramref name="sessionId"/>, whether to start a session for this turn.</param>
    public IAsyncEnumerable<ChatStreamEvent> StreamAsync(ChatRequest request, string? sessionId, bool startSession, CancellationToken cancellationToken) =>
        StreamAsync(request, sessionId, startSession, offerGeoTools: false, clientContext: null, cancellationToken);

    /// <param name="startSession">Without <paramref name="sessionId"/>, whether to start a session for this turn.</param>
    /// <param name="offerGeoTools">Whether the geo assistant takes part when it is enabled and the model takes tools.</param>
    public async IAsyncEnumerable<ChatStreamEvent> StreamAsync(
        ChatRequest request, string? sessionId, bool startSession, bool offerGeoTools, ClientContext? clientContext,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var messageId = SessionIds.New();
        var (conversation, refused) = await BeginAsync(request, sessionId, startSession, cancellationToken);
        if (refused is not null)
        {
            yield return new StreamErrorEvent(messageId, sessionId, refused);
            yield break;
        }

        var assistant = offerGeoTools && geoTools is { IsEnabled: true } && options.Value.FindModel(request.Model) is { SupportsTools: true } ? geoTools : null;
        var turn = assistant is null ? null : await assistant.BeginTurnAsync(conversation.SessionId, clientContext, cancellationToken);
        var messages = turn is null ? null : GeoMessages(conversation, turn);
        var upstream = turn is null
            ? request with { Messages = conversation.Messages }
            : request with { Tools = [.. assistant!.Declarations.Select(d => new ChatTool(d.Name, d.Description, d.Parameters))], ParallelToolCalls = true };
        var state = turn is null ? null : new ToolTurnState([.. assistant!.Declarations.Select(d => d.Name)]);
        var answer = new List<ChatMessage>(1);
        var turnStarted = Stopwatch.GetTimestamp();

        var (finishReason, usage, failure) = ((string?)null, (TokenUsage?)null, (ApiError?)null);
        var started = false;
        for (var round = 1; ; round++)
        {
            var isFinal = state is null || round > _limits.MaxToolRounds || state.CallsUsed >= _limits.MaxCallsPerTurn
                || Stopwatch.GetElapsedTime(turnStarted) >= _limits.ToolRoundsBudget;
            var roundRequest = messages is null ? upstream : upstream with { Messages = [.. messages], ToolChoice = isFinal ? "none" : "auto" };
            var accumulator = isFinal ? null : new ToolCallAccumulator(state!.RegisteredNames);
            var reply = new StringBuilder();
            var (roundFinish, roundUsage) = ((string?)null, (TokenUsage?)null);
            await using (var deltas = client.StreamAsync(roundRequest, cancellationToken).GetAsyncEnumerator(cancellationToken))
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

                    if (!started)
                    {
                        // The upstream has answered: from here on, failures are error events of a started stream.
                        started = true;
                        yield return new StreamStartEvent(messageId, conversation.SessionId, request.Model);
                    }

                    var delta = deltas.Current;
                    roundFinish ??= delta.FinishReason;
                    roundUsage = delta.Usage ?? roundUsage;
                    if (delta.ToolCalls is { } fragments)
                    {
                        accumulator?.Add(fragments);
                    }

                    if (delta.Content.Length > 0)
                    {
                        reply.Append(delta.Content);
                        yield return new StreamChunkEvent(messageId, conversation.SessionId, delta.Content);
                    }
                }
            }

            finishReason = roundFinish;
            usage = Sum(usage, roundUsage);
            if (failure is not null)
            {
                break;
            }

            var calls = accumulator?.Complete() ?? [];
            foreach (var anomaly in accumulator?.Anomalies ?? [])
            {
                ChatLog.ToolCallAnomaly(logger, anomaly);
            }

            if (calls.Count == 0)
            {
                answer.Add(new ChatMessage("assistant", reply.ToString()));
                break;
            }

            var toolRound = new ToolRound(assistant!, turn!, _limits, state!, logger);
            await foreach (var toolEvent in toolRound.RunAsync(calls, messageId, conversation.SessionId, cancellationToken))
            {
                yield return toolEvent;
            }

            var call = new ChatMessage("assistant", reply.ToString())
            {
                ToolCalls = [.. calls.Select(c => new ChatToolCall(c.Id, c.Name, c.Arguments ?? "{}"))],
            };
            messages!.Add(call);
            messages.AddRange(toolRound.Answers);
            answer.Add(call);
            answer.AddRange(toolRound.Answers);
        }

        if (!started && failure is null)
        {
            yield return new StreamStartEvent(messageId, conversation.SessionId, request.Model);
        }

        failure ??= await SaveTurnAsync(conversation, answer, cancellationToken);
        if (failure is not null)
        {
            yield return new StreamErrorEvent(messageId, conversation.SessionId, failure);
            yield break;
        }

        ChatLog.Answered(logger, request.Model, finishReason, usage?.PromptTokens, usage?.CompletionTokens, usage?.TotalTokens, conversation.SessionId);
        yield return new StreamEndEvent(messageId, conversation.SessionId, finishReason, usage);
    }

    /// <summary>The geo system prompt, the user's whereabouts when known, then the history and the new message.</summary>
    private static List<ChatMessage> GeoMessages(Conversation conversation, GeoTurn turn)
    {
        var messages = new List<ChatMessage>(conversation.History.Count + conversation.NewMessages.Count + 4) { new("system", GeoAssistantPrompt.System) };
        if (turn.LocationNote is { } note)
        {
            messages.Add(new ChatMessage("system", note));
        }

        messages.AddRange(conversation.Messages);
        return messages;
    }

    private static TokenUsage? Sum(TokenUsage? total, TokenUsage? round) =>
        total is null ? round
        : round is null ? total
        : new TokenUsage(total.PromptTokens + round.PromptTokens, total.CompletionTokens + round.CompletionTokens, total.TotalTokens + round.TotalTokens);

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

    private async Task<ApiError?> SaveTurnAsync(Conversation conversation, IReadOnlyList<ChatMessage> answer, CancellationToken cancellationToken)
    {
        try
        {
            await sessions.CompleteAsync(conversation, answer, cancellationToken);
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

using System.Runtime.CompilerServices;
using AiChat.Core.Assistant;
using AiChat.Core.Geo;
using AiChat.Core.Images;
using AiChat.Core.Sessions;
using AiChat.Core.Streaming;

namespace AiChat.Core.Turns;

/// <summary>
/// One chat turn, the same for every chat surface, in steps: begin the conversation (its history, or a new session),
/// offer the geo tools, run model rounds, each followed by the tool round its calls ask for, until one answers in
/// text; then count the tokens, save the turn and log it. A surface only reads its request and writes what the turn
/// gives back. Failures are thrown as they happen (an unknown session, the session store, the upstream) and told to
/// the client by the surface (<see cref="ChatFailures"/>); cancellation is never turned into an error.
/// </summary>
internal sealed class ChatTurn(
    IDashScopeClient client, ChatSessions sessions, IOptions<AiChatOptions> options, ILogger<ChatTurn> logger, IGeoTools? geoTools = null, ToolLoopLimits? limits = null)
{
    private readonly ToolLoopLimits _limits = limits ?? ToolLoopLimits.Default;

    /// <summary>
    /// The turn streamed: stream_start once the upstream has answered, the reasoning and the chunks as they come, each tool round's
    /// events, then stream_end with the last round's finish reason and the usage of all rounds.
    /// </summary>
    public async IAsyncEnumerable<ChatStreamEvent> StreamAsync(TurnRequest turn, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var spend = new TurnSpend();
        try
        {
            var messageId = SessionIds.New();
            var conversation = await BeginAsync(turn, cancellationToken);
            var tools = await ToolLoop.OfferAsync(turn, conversation, geoTools, options.Value.FindModel(turn.Request.Model), _limits, cancellationToken);
            var keepsReply = conversation.SessionId is not null || tools is not null;
            var preserveThinking = keepsReply && turn.Request.PreserveThinking == true;
            var answer = new List<ChatMessage>(1);
            var (started, finishReason, usage) = (false, (string?)null, (TokenUsage?)null);
            for (var round = 1; ; round++)
            {
                var isFinal = tools is null || tools.IsFinal(round);
                var model = new ModelRound(messageId, conversation.SessionId, isFinal ? null : tools!.NewAccumulator(), keepsReply, turn.RelaysDeltas, preserveThinking);
                var request = tools?.RoundRequest(isFinal) ?? turn.Request with { Messages = conversation.Messages };
                spend.BeginCall(request);
                await foreach (var delta in client.StreamAsync(request, cancellationToken).WithCancellation(cancellationToken))
                {
                    spend.Add(delta);
                    if (!started)
                    {
                        // The upstream has answered: the surface may start its stream.
                        started = true;
                        yield return new StreamStartEvent(messageId, conversation.SessionId, turn.Request.Model);
                    }

                    if (model.Reason(delta) is { } reasoning)
                    {
                        yield return reasoning;
                    }

                    if (model.Add(delta) is { } chunk)
                    {
                        yield return chunk;
                    }
                }

                spend.EndCall();
                finishReason = model.FinishReason;
                usage = Sum(usage, model.Usage);
                var calls = model.ToolCalls(logger);
                if (calls.Count == 0)
                {
                    answer.Add(new ChatMessage("assistant", model.Reply) { ReasoningContent = model.Reasoning });
                    break;
                }

                var toolRound = tools!.NewToolRound(logger);
                await foreach (var toolEvent in toolRound.RunAsync(calls, messageId, conversation.SessionId, cancellationToken))
                {
                    yield return toolEvent;
                }

                answer.AddRange(tools.Record(model.Reply, calls, toolRound.Answers));
            }

            if (!started)
            {
                yield return new StreamStartEvent(messageId, conversation.SessionId, turn.Request.Model);
            }

            await EndAsync(turn, conversation, answer, turn.Request.Model, finishReason, usage, spend, cancellationToken);
            yield return new StreamEndEvent(messageId, conversation.SessionId, finishReason, usage);
        }
        finally
        {
            await SettleAsync(turn, spend);
        }
    }

    /// <summary>The turn answered whole, by one call to the upstream's non-streaming API (the geo assistant takes no part).</summary>
    public async Task<ChatCompletion> CompleteAsync(TurnRequest turn, CancellationToken cancellationToken)
    {
        var spend = new TurnSpend();
        try
        {
            var conversation = await BeginAsync(turn, cancellationToken);
            var request = turn.Request with { Messages = conversation.Messages };
            spend.BeginCall(request);
            var answer = await client.CompleteAsync(request, cancellationToken);
            spend.EndCall(answer.Usage);
            var reply = new ChatMessage("assistant", answer.Content) { ReasoningContent = turn.Request.PreserveThinking == true ? answer.ReasoningContent : null };
            await EndAsync(turn, conversation, [reply], answer.Model, answer.FinishReason, answer.Usage, spend, cancellationToken);
            return answer;
        }
        finally
        {
            await SettleAsync(turn, spend);
        }
    }

    /// <summary>The conversation, its history's images left out for a model that does not read them (the session may have used another).</summary>
    /// <exception cref="SessionNotFoundException">The turn names a session that is unknown or has expired.</exception>
    private async ValueTask<Conversation> BeginAsync(TurnRequest turn, CancellationToken cancellationToken)
    {
        var conversation = await sessions.BeginAsync(turn.SessionId, turn.SessionOwner, turn.Request.Messages, turn.StartsSession, cancellationToken);
        return options.Value.FindModel(turn.Request.Model)?.ImageInput == true ? conversation : conversation with { History = ImagePlaceholder.WithoutImages(conversation.History) };
    }

    /// <summary>The tokens are counted first: they were spent whether or not the turn can be saved.</summary>
    private async Task EndAsync(
        TurnRequest turn, Conversation conversation, IReadOnlyList<ChatMessage> answer, string model, string? finishReason, TokenUsage? usage, TurnSpend spend,
        CancellationToken cancellationToken)
    {
        await SettleAsync(turn, spend);
        await sessions.CompleteAsync(conversation, answer, cancellationToken);
        ChatLog.Answered(logger, model, finishReason, usage?.PromptTokens, usage?.CompletionTokens, usage?.TotalTokens, conversation.SessionId is { } id ? SessionIds.Hash(id) : null);
    }

    /// <summary>
    /// Counts what the turn spent against its client's limits, once, however the turn ended: at its end, or when it
    /// failed or its client went away (a call in flight then counts its estimate). Nothing is counted for a turn that
    /// never called the upstream.
    /// </summary>
    private async Task SettleAsync(TurnRequest turn, TurnSpend spend)
    {
        spend.Abandon();
        if (turn.Admission is { } admission && await admission.SettleAsync(spend.Total) && spend.IsEstimated)
        {
            ChatLog.SpendEstimated(logger, spend.Total);
        }
    }

    private static TokenUsage? Sum(TokenUsage? total, TokenUsage? round) =>
        total is null ? round
        : round is null ? total
        : new TokenUsage(total.PromptTokens + round.PromptTokens, total.CompletionTokens + round.CompletionTokens, total.TotalTokens + round.TotalTokens)
        {
            ReasoningTokens = total.ReasoningTokens is null && round.ReasoningTokens is null ? null : (total.ReasoningTokens ?? 0) + (round.ReasoningTokens ?? 0),
            ImageTokens = total.ImageTokens is null && round.ImageTokens is null ? null : (total.ImageTokens ?? 0) + (round.ImageTokens ?? 0),
        };
}

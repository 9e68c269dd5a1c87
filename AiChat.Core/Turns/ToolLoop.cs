using System.Diagnostics;
using AiChat.Core.Assistant;
using AiChat.Core.Geo;
using AiChat.Core.Limits;
using AiChat.Core.Sessions;

namespace AiChat.Core.Turns;

/// <summary>
/// The geo assistant's part of one turn, in the manner of Microsoft.Extensions.AI's FunctionInvokingChatClient: the
/// tools offered, the conversation as the model sees it across rounds, and the <see cref="ToolLoopLimits"/> past
/// which the next model call is the final one (tool_choice none).
/// </summary>
internal sealed class ToolLoop
{
    private readonly IGeoTools _tools;
    private readonly GeoTurn _turn;
    private readonly ToolLoopLimits _limits;
    private readonly ToolTurnState _state;
    private readonly ChatRequest _upstream;
    private readonly Admission? _admission;
    private readonly List<ChatMessage> _messages;
    private readonly long _started = Stopwatch.GetTimestamp();

    private ToolLoop(IGeoTools tools, GeoTurn turn, ToolLoopLimits limits, ChatRequest request, Conversation conversation, Admission? admission)
    {
        (_tools, _turn, _limits, _admission) = (tools, turn, limits, admission);
        _state = new ToolTurnState([.. tools.Declarations.Select(d => d.Name)]);
        _upstream = request with { Tools = [.. tools.Declarations.Select(d => new ChatTool(d.Name, d.Description, d.Parameters))], ParallelToolCalls = true };
        _messages = new List<ChatMessage>(conversation.History.Count + conversation.NewMessages.Count + 4) { new("system", GeoAssistantPrompt.System) };
        if (turn.LocationNote is { } note)
        {
            _messages.Add(new ChatMessage("system", note));
        }

        _messages.AddRange(conversation.Messages);
    }

    /// <summary>The loop for a turn the geo assistant takes part in; null when it does not (not asked, off, or the model takes no tools).</summary>
    public static async Task<ToolLoop?> OfferAsync(
        TurnRequest turn, Conversation conversation, IGeoTools? tools, ModelInfo? model, ToolLoopLimits limits, CancellationToken cancellationToken)
    {
        if (!turn.OffersGeoTools || tools is not { IsEnabled: true } || model is not { SupportsTools: true })
        {
            return null;
        }

        var geoTurn = await tools.BeginTurnAsync(conversation.SessionId, turn.ClientContext, cancellationToken);
        return new ToolLoop(tools, geoTurn, limits, turn.Request, conversation, turn.Admission);
    }

    /// <summary>Whether model call number <paramref name="round"/> is the final one: past the rounds, the calls or the time the loop may take.</summary>
    public bool IsFinal(int round) =>
        round > _limits.MaxToolRounds || _state.CallsUsed >= _limits.MaxCallsPerTurn || Stopwatch.GetElapsedTime(_started) >= _limits.ToolRoundsBudget;

    /// <summary>The request for the next model call: the system prompt, the conversation so far, and whether it may call tools.</summary>
    public ChatRequest RoundRequest(bool isFinal) => _upstream with { Messages = [.. _messages], ToolChoice = isFinal ? "none" : "auto" };

    public ToolCallAccumulator NewAccumulator() => new(_state.RegisteredNames);

    public ToolRound NewToolRound(ILogger logger) => new(_tools, _turn, _limits, _state, logger, _admission);

    /// <summary>Adds a round's calls and their answers to what the model sees next; returns them as the turn stores them.</summary>
    public IReadOnlyList<ChatMessage> Record(string reply, IReadOnlyList<AccumulatedToolCall> calls, IReadOnlyList<ChatMessage> answers)
    {
        var call = new ChatMessage("assistant", reply) { ToolCalls = [.. calls.Select(c => new ChatToolCall(c.Id, c.Name, c.Arguments ?? "{}"))] };
        _messages.Add(call);
        _messages.AddRange(answers);
        return [call, .. answers];
    }
}

using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using AiChat.Core.Geo;
using AiChat.Core.Geo.AMap;
using AiChat.Core.Limits;
using AiChat.Core.Streaming;
using AiChat.Core.Telemetry;

namespace AiChat.Core.Assistant;

/// <summary>
/// Runs the calls of one model round (docs/geo-assistant.md#events, #loop-bounds): <c>started</c> for each call within the limits in
/// call order (an unknown tool or arguments that are no JSON object fail at once), the calls running concurrently,
/// each within <see cref="ToolLoopLimits.ToolTimeout"/>, and as each finishes its <c>succeeded</c>/<c>failed</c>
/// followed by its map and card events. Calls beyond the limits get no events and the <c>limit_reached</c> answer; a
/// call repeating an earlier one of the turn is answered from the first result without new map or card events; any
/// other call past the client's GEO_TOOL_CALLS_PER_CLIENT_PER_DAY fails with <c>tool_budget_exhausted</c>. Every
/// call gets an answer in <see cref="Answers"/>; every failure is in the one shape of <see cref="GeoFailure"/>.
/// </summary>
/// <param name="admission">Where each new call (not a repeat) is counted against the client's GEO_TOOL_CALLS_PER_CLIENT_PER_DAY; null counts none.</param>
internal sealed partial class ToolRound(IGeoTools tools, GeoTurn turn, ToolLoopLimits limits, ToolTurnState state, ILogger logger, Admission? admission = null)
{
    /// <summary>The tool messages answering the round's calls, in call order, once enumeration has finished.</summary>
    public IReadOnlyList<ChatMessage> Answers { get; private set; } = [];

    public async IAsyncEnumerable<ChatStreamEvent> RunAsync(
        IReadOnlyList<AccumulatedToolCall> calls, string messageId, string? sessionId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var answers = new string[calls.Count];
        var running = new List<Task<Finished>>(calls.Count);
        var inRound = 0;
        for (var i = 0; i < calls.Count; i++)
        {
            var call = calls[i];
            if (inRound >= limits.MaxCallsPerRound || state.CallsUsed >= limits.MaxCallsPerTurn)
            {
                answers[i] = GeoFailure.Of(GeoFailure.LimitReachedCode).ContentForModel;
                continue;
            }

            inRound++;
            state.CallsUsed++;
            var tool = tools.Find(call.Name);
            yield return new ToolStatusEvent(messageId, sessionId, call.Id, ToolName(call.Name), ToolStatusEvent.Started) { Label = tool?.Label };

            if (tool is null || call.Arguments is null)
            {
                var refused = tool is null ? GeoFailure.Of(GeoFailure.UnknownToolCode) : GeoFailure.InvalidArguments("arguments", "不是 JSON 对象");
                answers[i] = refused.ContentForModel;
                yield return new ToolStatusEvent(messageId, sessionId, call.Id, ToolName(call.Name), ToolStatusEvent.Failed) { ErrorCode = refused.ErrorCode, ElapsedMs = 0 };
                continue;
            }

            var key = call.Name + "\n" + call.Arguments;
            var isRepeat = state.Results.TryGetValue(key, out var result);
            if (!isRepeat && admission is not null && await admission.TakeToolCallAsync(cancellationToken) is { } overBudget)
            {
                answers[i] = GeoFailure.Of(GeoFailure.ClientBudgetCode).ContentForModel;
                yield return new ToolStatusEvent(messageId, sessionId, call.Id, ToolName(call.Name), ToolStatusEvent.Failed)
                {
                    ErrorCode = GeoFailure.ClientBudgetCode,
                    Message = overBudget,
                    ElapsedMs = 0,
                };
                continue;
            }

            if (!isRepeat)
            {
                result = ToolTelemetry.TraceAsync(call.Name, call.Id, call.Arguments, () => InvokeAsync(tool, new GeoToolCall(turn, call.Id, call.Arguments), cancellationToken));
                state.Results[key] = result;
            }

            running.Add(FinishAsync(i, call, result!, withEvents: !isRepeat, Stopwatch.GetTimestamp()));
        }

        await foreach (var done in Task.WhenEach(running).WithCancellation(cancellationToken))
        {
            var (index, call, outcome, elapsedMs, withEvents) = await done;
            answers[index] = outcome.ContentForModel;
            var tool = ToolName(call.Name);
            yield return outcome.Succeeded
                ? new ToolStatusEvent(messageId, sessionId, call.Id, tool, ToolStatusEvent.Succeeded) { ResultCount = outcome.ResultCount, ElapsedMs = elapsedMs }
                : new ToolStatusEvent(messageId, sessionId, call.Id, tool, ToolStatusEvent.Failed) { ErrorCode = outcome.ErrorCode, ElapsedMs = elapsedMs };
            if (withEvents)
            {
                foreach (var geoEvent in outcome.Events)
                {
                    yield return new GeoStreamEvent(messageId, sessionId, geoEvent);
                }
            }
        }

        Answers = [.. calls.Select((call, i) => ChatMessage.Tool(call.Id, call.Name, answers[i]))];
    }

    /// <summary>The tool's name as the frontend may see it: as sent when it looks like a name, else "?".</summary>
    public static string ToolName(string name) => SafeName().IsMatch(name) ? name : "?";

    /// <summary>One call within its time: the one place a call's timeout is set and a tool's stray exception caught.</summary>
    private async Task<GeoToolResult> InvokeAsync(GeoTool tool, GeoToolCall call, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limits.ToolTimeout);
        try
        {
            return await tool.InvokeAsync(call, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return GeoFailure.Of(AMapErrorCodes.Timeout);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A tool answers AMap's failures itself; anything else is a bug in it, and the stream goes on without it.
            LogToolThrew(logger, tool.Name, e);
            return GeoFailure.Of(AMapErrorCodes.ProviderError);
        }
    }

    private static async Task<Finished> FinishAsync(int index, AccumulatedToolCall call, Task<GeoToolResult> result, bool withEvents, long started)
    {
        var outcome = await result;
        return new Finished(index, call, outcome, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, withEvents);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex SafeName();

    [LoggerMessage(Level = LogLevel.Error, Message = "The geo tool {Tool} threw instead of returning a failed result")]
    private static partial void LogToolThrew(ILogger logger, string tool, Exception exception);

    private readonly record struct Finished(int Index, AccumulatedToolCall Call, GeoToolResult Outcome, long ElapsedMs, bool WithEvents);
}

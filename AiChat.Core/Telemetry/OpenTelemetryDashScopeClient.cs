using System.Diagnostics;
using System.Runtime.CompilerServices;
using AiChat.Core.Chat;

namespace AiChat.Core.Telemetry;

/// <summary>
/// One GenAI client span <c>chat {model}</c> per upstream call and its measurements (duration, tokens, time to first
/// chunk, open streams). It wraps the retrying client, so a call's retries are one span, each attempt an HTTP span
/// under it.
/// </summary>
internal sealed class OpenTelemetryDashScopeClient(IDashScopeClient inner, GenAIEndpoint endpoint) : IDashScopeClient
{
    public async Task<ChatCompletion> CompleteAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        using var activity = endpoint.StartChat(request, streaming: false);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var completion = await inner.CompleteAsync(request, cancellationToken);
            endpoint.Finish(activity, request, GenAIOutcome.Of(completion, endpoint.CaptureMessageContent), null, Stopwatch.GetElapsedTime(started));
            return completion;
        }
        catch (Exception e)
        {
            endpoint.Finish(activity, request, new GenAIOutcome(), e, Stopwatch.GetElapsedTime(started));
            throw;
        }
    }

    public async IAsyncEnumerable<ChatDelta> StreamAsync(ChatRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var activity = endpoint.StartChat(request, streaming: true);
        var started = Stopwatch.GetTimestamp();
        var outcome = new GenAIOutcome();
        var counted = AiChatDiagnostics.ActiveStreams.Enabled;
        if (counted)
        {
            AiChatDiagnostics.ActiveStreams.Add(1, new KeyValuePair<string, object?>(GenAINames.RequestModel, request.Model));
        }

        Exception? error = null;
        await using var stream = inner.StreamAsync(request, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                try
                {
                    if (!await stream.MoveNextAsync())
                    {
                        break;
                    }
                }
                catch (Exception e)
                {
                    error = e;
                    throw;
                }

                var elapsed = Stopwatch.GetElapsedTime(started);
                if (outcome.Add(stream.Current, elapsed, endpoint.CaptureMessageContent) && AiChatDiagnostics.TimeToFirstChunk.Enabled)
                {
                    AiChatDiagnostics.TimeToFirstChunk.Record(elapsed.TotalSeconds, endpoint.MetricTags(request.Model));
                }

                yield return stream.Current;

                // The caller's context comes back with each resumption; the upstream read that follows belongs under this span.
                if (activity is not null)
                {
                    Activity.Current = activity;
                }
            }
        }
        finally
        {
            if (counted)
            {
                AiChatDiagnostics.ActiveStreams.Add(-1, new KeyValuePair<string, object?>(GenAINames.RequestModel, request.Model));
            }

            endpoint.Finish(activity, request, outcome, error, Stopwatch.GetElapsedTime(started));
        }
    }
}

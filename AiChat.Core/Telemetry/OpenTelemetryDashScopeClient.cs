using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace AiChat.Core.Telemetry;

/// <summary>
/// One GenAI client span <c>chat {model}</c> per upstream call and its measurements (duration, tokens, time to first
/// chunk, open streams). It wraps the retrying client, so a call's retries are one span, each attempt an HTTP span
/// under it. When nothing listens (no exporter configured), a call goes straight to the inner client: no layer of
/// its own, so a streamed chunk crosses one async iterator fewer.
/// </summary>
internal sealed class OpenTelemetryDashScopeClient(IDashScopeClient inner, GenAIEndpoint endpoint) : IDashScopeClient
{
    private static bool IsObserved =>
        AiChatDiagnostics.Source.HasListeners() || AiChatDiagnostics.OperationDuration.Enabled || AiChatDiagnostics.TokenUsage.Enabled
        || AiChatDiagnostics.TimeToFirstChunk.Enabled || AiChatDiagnostics.ActiveStreams.Enabled;

    public Task<ChatCompletion> CompleteAsync(ChatRequest request, CancellationToken cancellationToken) =>
        IsObserved ? ObservedCompleteAsync(request, cancellationToken) : inner.CompleteAsync(request, cancellationToken);

    public IAsyncEnumerable<ChatDelta> StreamAsync(ChatRequest request, CancellationToken cancellationToken) =>
        IsObserved ? ObservedStreamAsync(request, cancellationToken) : inner.StreamAsync(request, cancellationToken);

    private async Task<ChatCompletion> ObservedCompleteAsync(ChatRequest request, CancellationToken cancellationToken)
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

    private async IAsyncEnumerable<ChatDelta> ObservedStreamAsync(ChatRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
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

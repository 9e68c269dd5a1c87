using System.Diagnostics;
using AiChat.Core.Sessions;

namespace AiChat.Core.Telemetry;

/// <summary>The session store's latency per operation, by store type; session ids are never recorded.</summary>
internal sealed class OpenTelemetrySessionStore(ISessionStore inner, string storeType) : ISessionStore
{
    public Task CreateAsync(string sessionId, string owner, CancellationToken cancellationToken) =>
        MeasureAsync("create", async () =>
        {
            await inner.CreateAsync(sessionId, owner, cancellationToken);
            return true;
        });

    public Task<IReadOnlyList<ChatMessage>?> GetAsync(string sessionId, string caller, CancellationToken cancellationToken) =>
        MeasureAsync("get", () => inner.GetAsync(sessionId, caller, cancellationToken));

    public Task<bool> AppendAsync(string sessionId, IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken) =>
        MeasureAsync("append", () => inner.AppendAsync(sessionId, messages, cancellationToken));

    public Task<bool> DeleteAsync(string sessionId, string caller, CancellationToken cancellationToken) =>
        MeasureAsync("delete", () => inner.DeleteAsync(sessionId, caller, cancellationToken));

    private async Task<T> MeasureAsync<T>(string operation, Func<Task<T>> run)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await run();
            Record(operation, started, null);
            return result;
        }
        catch (Exception e)
        {
            Record(operation, started, e);
            throw;
        }
    }

    private void Record(string operation, long started, Exception? error)
    {
        if (!AiChatDiagnostics.SessionStoreDuration.Enabled)
        {
            return;
        }

        var tags = new TagList { { "aichat.session_store.operation", operation }, { "aichat.session_store.type", storeType } };
        if (error is not null)
        {
            tags.Add(GenAINames.ErrorType, ErrorTypes.Of(error));
        }

        AiChatDiagnostics.SessionStoreDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
    }
}

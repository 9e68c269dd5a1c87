using System.Diagnostics;
using AiChat.Core.Chat;
using AiChat.Core.Sessions;

namespace AiChat.Core.Telemetry;

/// <summary>The session store's latency per operation, by store type; session ids are never recorded.</summary>
internal sealed class OpenTelemetrySessionStore(ISessionStore inner, string storeType) : ISessionStore
{
    public async Task CreateAsync(string sessionId, string owner, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await inner.CreateAsync(sessionId, owner, cancellationToken);
            Record("create", started, null);
        }
        catch (Exception e)
        {
            Record("create", started, e);
            throw;
        }
    }

    public async Task<IReadOnlyList<ChatMessage>?> GetAsync(string sessionId, string caller, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var history = await inner.GetAsync(sessionId, caller, cancellationToken);
            Record("get", started, null);
            return history;
        }
        catch (Exception e)
        {
            Record("get", started, e);
            throw;
        }
    }

    public async Task<bool> AppendAsync(string sessionId, IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var saved = await inner.AppendAsync(sessionId, messages, cancellationToken);
            Record("append", started, null);
            return saved;
        }
        catch (Exception e)
        {
            Record("append", started, e);
            throw;
        }
    }

    public async Task<bool> DeleteAsync(string sessionId, string caller, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var deleted = await inner.DeleteAsync(sessionId, caller, cancellationToken);
            Record("delete", started, null);
            return deleted;
        }
        catch (Exception e)
        {
            Record("delete", started, e);
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

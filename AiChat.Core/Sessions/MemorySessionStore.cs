using System.Collections.Concurrent;
using AiChat.Core.Chat;
using AiChat.Core.Configuration;
using AiChat.Core.Images;
using Microsoft.Extensions.Options;

namespace AiChat.Core.Sessions;

/// <summary>Sessions in this process's memory: the default, for a single instance.</summary>
internal sealed class MemorySessionStore : ISessionStore, IDisposable
{
    private readonly ConcurrentDictionary<string, Session> _sessions = new();
    private readonly TimeProvider _time;
    private readonly SessionOptions _options;
    private readonly ITimer _sweeper;

    public MemorySessionStore(TimeProvider time, IOptions<SessionOptions> options)
    {
        _time = time;
        _options = options.Value;
        var interval = TimeSpan.FromTicks(Math.Max(_options.Ttl.Ticks / 2, TimeSpan.FromSeconds(1).Ticks));
        _sweeper = time.CreateTimer(_ => Sweep(), null, interval, interval);
    }

    public Task CreateAsync(string sessionId, CancellationToken cancellationToken)
    {
        _sessions[sessionId] = new Session(_time.GetUtcNow() + _options.Ttl);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ChatMessage>?> GetAsync(string sessionId, CancellationToken cancellationToken)
    {
        if (!_sessions.TryGetValue(sessionId, out var session))
        {
            return Task.FromResult<IReadOnlyList<ChatMessage>?>(null);
        }

        lock (session)
        {
            if (session.IsGone(_time.GetUtcNow()))
            {
                _sessions.TryRemove(new(sessionId, session));
                return Task.FromResult<IReadOnlyList<ChatMessage>?>(null);
            }

            session.ExpiresAt = _time.GetUtcNow() + _options.Ttl;
            return Task.FromResult<IReadOnlyList<ChatMessage>?>([.. session.Messages]);
        }
    }

    public Task AppendAsync(string sessionId, IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = _time.GetUtcNow();
            var session = _sessions.GetOrAdd(sessionId, static (_, expiresAt) => new Session(expiresAt), now + _options.Ttl);
            lock (session)
            {
                if (session.IsGone(now))
                {
                    // Expired or deleted between the lookup and the lock: start afresh under the same id.
                    _sessions.TryRemove(new(sessionId, session));
                    continue;
                }

                var firstNew = session.Messages.Count;
                session.Messages.AddRange(messages);
                SessionTrimmer.Trim(session.Messages, firstNew, _options);
                SessionImageBudget.Apply(session.Messages, _options.MaxImageBytes);
                session.ExpiresAt = now + _options.Ttl;
                return Task.CompletedTask;
            }
        }
    }

    public Task<bool> DeleteAsync(string sessionId, CancellationToken cancellationToken)
    {
        if (!_sessions.TryRemove(sessionId, out var session))
        {
            return Task.FromResult(false);
        }

        lock (session)
        {
            var existed = !session.IsGone(_time.GetUtcNow());
            session.Deleted = true;
            return Task.FromResult(existed);
        }
    }

    public void Dispose() => _sweeper.Dispose();

    private void Sweep()
    {
        var now = _time.GetUtcNow();
        foreach (var (id, session) in _sessions)
        {
            lock (session)
            {
                if (session.IsGone(now))
                {
                    _sessions.TryRemove(new(id, session));
                }
            }
        }
    }

    private sealed class Session(DateTimeOffset expiresAt)
    {
        public List<ChatMessage> Messages { get; } = [];

        public DateTimeOffset ExpiresAt { get; set; } = expiresAt;

        public bool Deleted { get; set; }

        public bool IsGone(DateTimeOffset now) => Deleted || now >= ExpiresAt;
    }
}

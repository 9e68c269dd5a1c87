using System.Collections.Concurrent;
using AiChat.Core.Images;
using Microsoft.Extensions.Logging.Abstractions;

namespace AiChat.Core.Sessions;

/// <summary>
/// Sessions in this process's memory: the default, for a single instance. At most SESSION_MAX_COUNT of them, each
/// bounded by <see cref="SessionTrimmer"/>: past the count the least recently used go first.
/// </summary>
internal sealed class MemorySessionStore : ISessionStore, IDisposable
{
    private readonly ConcurrentDictionary<string, Session> _sessions = new();
    private readonly TimeProvider _time;
    private readonly SessionOptions _options;
    private readonly ILogger _logger;
    private readonly ITimer _sweeper;
    private readonly Lock _eviction = new();
    private int _count;

    public MemorySessionStore(TimeProvider time, IOptions<SessionOptions> options, ILogger<MemorySessionStore>? logger = null)
    {
        _time = time;
        _options = options.Value;
        _logger = logger ?? NullLogger<MemorySessionStore>.Instance;
        var interval = TimeSpan.FromTicks(Math.Max(_options.Ttl.Ticks / 2, TimeSpan.FromSeconds(1).Ticks));
        _sweeper = time.CreateTimer(_ => Sweep(), null, interval, interval);
    }

    /// <summary>The sessions held now, expired ones not yet swept included.</summary>
    public int Count => Volatile.Read(ref _count);

    public Task CreateAsync(string sessionId, string owner, CancellationToken cancellationToken)
    {
        if (!_sessions.TryAdd(sessionId, new Session(owner, _time.GetUtcNow() + _options.Ttl)))
        {
            throw new InvalidOperationException("A new session's id is already in use.");
        }

        if (Interlocked.Increment(ref _count) > _options.MaxCount)
        {
            EvictLeastRecentlyUsed();
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ChatMessage>?> GetAsync(string sessionId, string caller, CancellationToken cancellationToken)
    {
        if (!_sessions.TryGetValue(sessionId, out var session) || !SessionOwners.Allows(session.Owner, caller))
        {
            return Task.FromResult<IReadOnlyList<ChatMessage>?>(null);
        }

        lock (session)
        {
            var now = _time.GetUtcNow();
            if (session.IsGone(now))
            {
                Remove(sessionId, session);
                return Task.FromResult<IReadOnlyList<ChatMessage>?>(null);
            }

            session.ExpiresAt = now + _options.Ttl;
            return Task.FromResult<IReadOnlyList<ChatMessage>?>([.. session.Messages]);
        }
    }

    public Task<bool> AppendAsync(string sessionId, IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken)
    {
        if (!_sessions.TryGetValue(sessionId, out var session))
        {
            return Task.FromResult(false);
        }

        lock (session)
        {
            var now = _time.GetUtcNow();
            if (session.IsGone(now))
            {
                Remove(sessionId, session);
                return Task.FromResult(false);
            }

            var firstNew = session.Messages.Count;
            session.Messages.AddRange(messages);
            SessionTrimmer.Trim(session.Messages, firstNew, _options);
            SessionImageBudget.Apply(session.Messages, _options.MaxImageBytes);
            session.ExpiresAt = now + _options.Ttl;
            return Task.FromResult(true);
        }
    }

    public Task<bool> DeleteAsync(string sessionId, string caller, CancellationToken cancellationToken)
    {
        if (!_sessions.TryGetValue(sessionId, out var session) || !SessionOwners.Allows(session.Owner, caller))
        {
            return Task.FromResult(false);
        }

        lock (session)
        {
            var existed = !session.IsGone(_time.GetUtcNow());
            session.Deleted = true;
            Remove(sessionId, session);
            return Task.FromResult(existed);
        }
    }

    public void Dispose() => _sweeper.Dispose();

    /// <summary>
    /// Brings the store back under SESSION_MAX_COUNT, and a twentieth below it, so that a full store looks for the
    /// least recently used once per many new sessions rather than on each.
    /// </summary>
    private void EvictLeastRecentlyUsed()
    {
        lock (_eviction)
        {
            var count = Count;
            if (count <= _options.MaxCount)
            {
                return;
            }

            var evicted = 0;
            foreach (var (id, session) in _sessions.OrderBy(pair => pair.Value.ExpiresAt).Take(count - _options.MaxCount + _options.MaxCount / 20).ToList())
            {
                lock (session)
                {
                    session.Deleted = true;
                    evicted += Remove(id, session) ? 1 : 0;
                }
            }

            SessionLog.Evicted(_logger, count, _options.MaxCount, evicted);
        }
    }

    private bool Remove(string sessionId, Session session)
    {
        if (!_sessions.TryRemove(new(sessionId, session)))
        {
            return false;
        }

        Interlocked.Decrement(ref _count);
        return true;
    }

    private void Sweep()
    {
        var now = _time.GetUtcNow();
        foreach (var (id, session) in _sessions)
        {
            lock (session)
            {
                if (session.IsGone(now))
                {
                    Remove(id, session);
                }
            }
        }
    }

    private sealed class Session(string owner, DateTimeOffset expiresAt)
    {
        // Read without the session's lock when choosing whom to evict, so kept as ticks, which are read whole.
        private long _expiresAtTicks = expiresAt.UtcTicks;

        public string Owner { get; } = owner;

        public List<ChatMessage> Messages { get; } = [];

        public DateTimeOffset ExpiresAt
        {
            get => new(Volatile.Read(ref _expiresAtTicks), TimeSpan.Zero);
            set => Volatile.Write(ref _expiresAtTicks, value.UtcTicks);
        }

        public bool Deleted { get; set; }

        public bool IsGone(DateTimeOffset now) => Deleted || now >= ExpiresAt;
    }
}

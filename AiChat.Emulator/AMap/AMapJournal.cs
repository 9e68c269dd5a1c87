using System.Collections.Concurrent;

namespace AiChat.Emulator.AMap;

/// <summary>Counts and keeps the requests, meters each key's requests per second, remembers requests seen once.</summary>
internal sealed class AMapJournal(AMapEmulatorOptions options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly List<ReceivedAMapRequest> _requests = [];
    private readonly ConcurrentDictionary<string, byte> _seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Second, int Count)> _perKey = new(StringComparer.Ordinal);

    public CountSignal Received { get; } = new();

    public IReadOnlyList<ReceivedAMapRequest> Snapshot()
    {
        lock (_gate)
        {
            return [.. _requests];
        }
    }

    public void Receive(ReceivedAMapRequest request)
    {
        if (options.RecordRequests)
        {
            lock (_gate)
            {
                _requests.Add(request);
            }
        }

        Received.Increment();
    }

    /// <summary>Counts the request against its key's second; false once the key has made more than QpsPerKey this second.</summary>
    public bool WithinQps(string key)
    {
        var second = time.GetUtcNow().ToUnixTimeSeconds();
        lock (_gate)
        {
            var (last, count) = _perKey.GetValueOrDefault(key);
            count = last == second ? count + 1 : 1;
            _perKey[key] = (second, count);
            return count <= options.QpsPerKey;
        }
    }

    public bool IsFirstSeen(string request) => _seen.TryAdd(request, 0);
}

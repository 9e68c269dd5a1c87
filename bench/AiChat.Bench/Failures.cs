using System.Collections.Concurrent;

namespace AiChat.Bench;

/// <summary>Every error a run met, counted, with the first few kept for the report. Any makes the run invalid.</summary>
internal sealed class Failures
{
    private readonly ConcurrentQueue<string> _first = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public IEnumerable<string> First => _first;

    public void Add(string phase, string what)
    {
        if (Interlocked.Increment(ref _count) <= 10)
        {
            _first.Enqueue($"{phase}: {what}");
        }
    }

    /// <summary>Another phase's failures, each labelled with where it happened, and all of them counted.</summary>
    public void Add(string label, Failures other)
    {
        var kept = 0;
        foreach (var failure in other.First)
        {
            Add(label, failure);
            kept++;
        }

        Interlocked.Add(ref _count, other.Count - kept);
    }
}

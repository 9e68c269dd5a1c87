using System.Diagnostics;

namespace AiChat.Bench;

/// <summary>
/// Reads an SSE response as a browser does, read by read, noting which read completed each event and when.
/// An event that completes in the same read as the one before it arrived merged with it: a client cannot tell them
/// apart in time, which is what buffering anywhere on the way looks like.
/// </summary>
internal sealed class StreamRecorder
{
    private static readonly byte[] Done = "data: [DONE]\n\n"u8.ToArray();
    private static readonly byte[] Stop = "\"finish_reason\":\"stop\""u8.ToArray();

    private readonly List<(int End, int Read, long At)> _events = [];
    private byte[] _buffer = new byte[4096];

    public async Task<StreamOutcome> ReadAsync(
        HttpResponseMessage response, long sentAt, Route route, Prompt prompt, Action? onFirstEvent, CancellationToken cancellationToken)
    {
        _events.Clear();
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var length = 0;
        for (var read = 0; ; read++)
        {
            if (length == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var count = await stream.ReadAsync(_buffer.AsMemory(length), cancellationToken);
            if (count == 0)
            {
                break;
            }

            var at = Stopwatch.GetTimestamp();
            var before = _events.Count;
            FindEventEnds(Math.Max(length - 1, 0), length += count, read, at);
            if (before == 0 && _events.Count > 0)
            {
                onFirstEvent?.Invoke();
            }
        }

        return Summarise(route, prompt, sentAt, length);
    }

    private void FindEventEnds(int from, int to, int read, long at)
    {
        while (_buffer.AsSpan(from, to - from).IndexOf("\n\n"u8) is var index and >= 0)
        {
            from += index + 2;
            _events.Add((from, read, at));
        }
    }

    private StreamOutcome Summarise(Route route, Prompt prompt, long sentAt, int length)
    {
        var done = _buffer.AsSpan(0, length).EndsWith(Done);
        var upstream = route == Route.Through && done ? _events.Count - 1 : _events.Count;
        var gaps = new List<double>(Math.Max(upstream - 1, 0));
        var merged = 0;
        for (var i = 1; i < upstream; i++)
        {
            gaps.Add(Stopwatch.GetElapsedTime(_events[i - 1].At, _events[i].At).TotalMilliseconds);
            merged += _events[i].Read == _events[i - 1].Read ? 1 : 0;
        }

        var complete = upstream == prompt.ExpectedEvents && LastEventStops(upstream) && (route == Route.Direct || done);
        var lost = complete ? 0 : Math.Max(prompt.ExpectedEvents - upstream, 1);
        var first = upstream > 0 ? Stopwatch.GetElapsedTime(sentAt, _events[0].At).TotalMilliseconds : double.NaN;
        return new StreamOutcome(route, first, gaps, upstream, merged, lost);
    }

    private bool LastEventStops(int upstream)
    {
        if (upstream == 0)
        {
            return false;
        }

        var start = upstream > 1 ? _events[upstream - 2].End : 0;
        return _buffer.AsSpan(start, _events[upstream - 1].End - start).IndexOf(Stop) >= 0;
    }
}

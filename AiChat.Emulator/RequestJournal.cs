using System.Diagnostics;

namespace AiChat.Emulator;

/// <summary>Counts chat _requests and aborts, and keeps the received _requests when asked to.</summary>
internal sealed class RequestJournal(bool recordRequests)
{
    private readonly Lock _gate = new();
    private readonly List<ReceivedChatRequest> _requests = [];

    public bool RecordRequests => recordRequests;

    public CountSignal Received { get; } = new();

    public CountSignal Aborted { get; } = new();

    public IReadOnlyList<ReceivedChatRequest> Snapshot()
    {
        lock (_gate)
        {
            return [.. _requests];
        }
    }

    public void Receive(ReceivedChatRequest? request)
    {
        if (request is not null)
        {
            lock (_gate)
            {
                _requests.Add(request);
            }
        }

        Received.Increment();
    }

    public void Abort(ReceivedChatRequest? request)
    {
        request?.AbortedTimestamp = Stopwatch.GetTimestamp();
        Aborted.Increment();
    }
}

using System.Diagnostics;

namespace AiChat.Emulator;

/// <summary>Counts chat requests and aborts, and keeps the received requests when asked to.</summary>
internal sealed class RequestJournal(bool recordRequests)
{
    private readonly Lock gate = new();
    private readonly List<ReceivedChatRequest> requests = [];

    public bool RecordRequests => recordRequests;

    public CountSignal Received { get; } = new();

    public CountSignal Aborted { get; } = new();

    public IReadOnlyList<ReceivedChatRequest> Snapshot()
    {
        lock (gate)
        {
            return [.. requests];
        }
    }

    public void Receive(ReceivedChatRequest? request)
    {
        if (request is not null)
        {
            lock (gate)
            {
                requests.Add(request);
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

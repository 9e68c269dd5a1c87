namespace AiChat.Emulator;

/// <summary>A counter whose callers can await a threshold instead of polling.</summary>
internal sealed class CountSignal
{
    private readonly Lock gate = new();
    private readonly List<(int Target, TaskCompletionSource Reached)> waiters = [];
    private int count;

    public int Count => Volatile.Read(ref count);

    public void Increment()
    {
        lock (gate)
        {
            count++;
            for (var i = waiters.Count - 1; i >= 0; i--)
            {
                if (waiters[i].Target <= count)
                {
                    waiters[i].Reached.TrySetResult();
                    waiters.RemoveAt(i);
                }
            }
        }
    }

    public Task WaitAsync(int target, CancellationToken cancellationToken)
    {
        TaskCompletionSource reached;
        lock (gate)
        {
            if (count >= target)
            {
                return Task.CompletedTask;
            }

            reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((target, reached));
        }

        return reached.Task.WaitAsync(cancellationToken);
    }
}

namespace AiChat.Emulator;

/// <summary>A counter whose callers can await a threshold instead of polling.</summary>
internal sealed class CountSignal
{
    private readonly Lock _gate = new();
    private readonly List<(int Target, TaskCompletionSource Reached)> _waiters = [];
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Increment()
    {
        lock (_gate)
        {
            _count++;
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Target <= _count)
                {
                    _waiters[i].Reached.TrySetResult();
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    public Task WaitAsync(int target, CancellationToken cancellationToken)
    {
        TaskCompletionSource reached;
        lock (_gate)
        {
            if (_count >= target)
            {
                return Task.CompletedTask;
            }

            reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((target, reached));
        }

        return reached.Task.WaitAsync(cancellationToken);
    }
}

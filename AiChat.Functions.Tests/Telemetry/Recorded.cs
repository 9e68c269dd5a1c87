namespace AiChat.Functions.Tests.Telemetry;

/// <summary>What an exporter has delivered so far, and a way to wait, without polling, until it includes something.</summary>
public sealed class Recorded<T>
{
    private readonly List<T> _items = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<T> Items
    {
        get
        {
            lock (_items)
            {
                return [.. _items];
            }
        }
    }

    public void Add(IEnumerable<T> items)
    {
        TaskCompletionSource changed;
        lock (_items)
        {
            _items.AddRange(items);
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    /// <summary>The delivered items once <paramref name="done"/> holds for them; fails after <paramref name="timeout"/> (default 30 s).</summary>
    public async Task<IReadOnlyList<T>> WaitAsync(Func<IReadOnlyList<T>, bool> done, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            Task changed;
            IReadOnlyList<T> items;
            lock (_items)
            {
                changed = _changed.Task;
                items = [.. _items];
            }

            if (done(items))
            {
                return items;
            }

            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Not delivered in time; {items.Count} {typeof(T).Name}s were.");
            }
        }
    }
}

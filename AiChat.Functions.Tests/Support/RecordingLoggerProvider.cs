using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AiChat.Functions.Tests.Support;

/// <summary>Keeps every log line, message and exception text, so tests can search the log.</summary>
public sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();
    private TaskCompletionSource _added = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new RecordingLogger(categoryName, this);

    /// <summary>Completes once <paramref name="count"/> lines match <paramref name="match"/>, woken by each new line.</summary>
    public async Task WaitForLinesAsync(Func<string, bool> match, int count, CancellationToken cancellationToken)
    {
        while (true)
        {
            var added = Volatile.Read(ref _added);
            if (_lines.Count(match) >= count)
            {
                return;
            }

            await added.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Adds a line from elsewhere, e.g. a child process's output.</summary>
    public void Add(string line)
    {
        _lines.Enqueue(line);
        Interlocked.Exchange(ref _added, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    public void Dispose()
    {
    }

    private sealed class RecordingLogger(string category, RecordingLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            provider.Add($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}

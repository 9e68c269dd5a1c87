using System.Diagnostics;
using System.Text;

namespace AiChat.Bench;

/// <summary>Drains a child's stdout and stderr so it never blocks on a full pipe, keeping the text for errors.</summary>
internal sealed class ProcessOutput
{
    private readonly StringBuilder _text = new();
    private (string Text, TaskCompletionSource<string> Line)? _awaited;

    public ProcessOutput(Process process)
    {
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Text
    {
        get
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }

    /// <summary>The first line, already written or still to come, that contains <paramref name="text"/>; one such wait at a time.</summary>
    public Task<string> LineContainingAsync(string text)
    {
        lock (_text)
        {
            if (_text.ToString().Split('\n').FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal)) is { } written)
            {
                return Task.FromResult(written.TrimEnd('\r'));
            }

            _awaited = (text, new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));
            return _awaited.Value.Line.Task;
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_text)
        {
            _text.AppendLine(line);
            if (_awaited is { } awaited && line.Contains(awaited.Text, StringComparison.Ordinal))
            {
                awaited.Line.TrySetResult(line);
                _awaited = null;
            }
        }
    }
}

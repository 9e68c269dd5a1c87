using System.Diagnostics;
using System.Text;

namespace AiChat.Bench;

/// <summary>Drains a child's stdout and stderr so it never blocks on a full pipe, keeping the text for errors.</summary>
internal sealed class ProcessOutput
{
    private readonly StringBuilder _text = new();

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

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_text)
        {
            _text.AppendLine(line);
        }
    }
}

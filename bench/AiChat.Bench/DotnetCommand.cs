using System.Diagnostics;

namespace AiChat.Bench;

/// <summary>Runs one `dotnet` command (a build or a publish) to its end; a non-zero exit is an error carrying its output.</summary>
internal static class DotnetCommand
{
    public static async Task RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', start.ArgumentList)} failed:\n{await stdout}\n{await stderr}");
        }
    }
}

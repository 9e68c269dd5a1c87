namespace AiChat.Functions.Tests.Support;

/// <summary>A command run to its end (the Bicep CLI, a publish), with what it wrote.</summary>
public sealed record ProcessRun(int ExitCode, string Output, string Error)
{
    /// <summary>Diagnostics (warnings included, which leave the exit code 0) and failures, for an assertion message.</summary>
    public string Diagnostics => $"exit code {ExitCode}\n{Error}";

    public static async Task<ProcessRun> RunAsync(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new ProcessRun(process.ExitCode, await output, await error);
    }
}

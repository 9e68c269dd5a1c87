namespace AiChat.Functions.Tests.Deployment;

public sealed record BicepRun(int ExitCode, string Output, string Error)
{
    /// <summary>Diagnostics (warnings included, which leave the exit code 0) and failures, for an assertion message.</summary>
    public string Diagnostics => $"exit code {ExitCode}\n{Error}";
}

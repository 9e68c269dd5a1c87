using System.Reflection;

namespace AiChat.Functions.Tests.Deployment;

/// <summary>The Bicep CLI restored from NuGet (Azure.Bicep.CommandLine.linux-x64), run on the repository's infra/.</summary>
public static class BicepCli
{
    /// <summary>The repository's infra/ folder.</summary>
    public static string InfraDirectory { get; } = Metadata("InfraDirectory");

    private static string Executable { get; } = Metadata("BicepPath");

    public static Task<ProcessRun> RunAsync(IReadOnlyList<string> arguments, string workingDirectory)
    {
        EnsureExecutable();
        return ProcessRun.RunAsync(new ProcessStartInfo(Executable, arguments) { WorkingDirectory = workingDirectory });
    }

    /// <summary>NuGet does not always keep a package file's execute bit.</summary>
    private static void EnsureExecutable()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var mode = File.GetUnixFileMode(Executable);
        if (!mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(Executable, mode | UnixFileMode.UserExecute);
        }
    }

    private static string Metadata(string key) => typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == key).Value!;
}

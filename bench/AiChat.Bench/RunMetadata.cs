using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AiChat.Bench;

/// <summary>When, where and on what code the run happened.</summary>
internal sealed record RunMetadata(DateTimeOffset Started, string Commit, string Machine, string Runtime, string LoadAtStart)
{
    public static RunMetadata Capture(string repositoryRoot) => new(
        DateTimeOffset.UtcNow,
        Describe(repositoryRoot),
        $"{Environment.ProcessorCount} cores ({Cpu()}), {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1 << 30)} GiB, {RuntimeInformation.OSDescription}",
        RuntimeInformation.FrameworkDescription,
        ProcFs.LoadAverage());

    private static string Cpu() =>
        File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";

    private static string Describe(string root)
    {
        var head = Git(root, "rev-parse --short HEAD");
        return Git(root, "status --porcelain --untracked-files=no").Length > 0 ? head + " (with uncommitted changes)" : head;
    }

    private static string Git(string root, string arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", $"-C \"{root}\" {arguments}") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown (no git)";
        }
    }
}

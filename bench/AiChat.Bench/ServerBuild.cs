using System.Diagnostics;

namespace AiChat.Bench;

/// <summary>Publishes AiChat.Server in Release, as it is deployed, so the bench runs the shipped build.</summary>
internal static class ServerBuild
{
    public static async Task<string> PublishAsync(CancellationToken cancellationToken)
    {
        var root = RepositoryRoot();
        var output = Path.Combine(AppContext.BaseDirectory, "server");
        var start = new ProcessStartInfo("dotnet",
            ["publish", Path.Combine(root, "AiChat.Server", "AiChat.Server.csproj"), "-c", "Release", "-o", output, "--nologo", "-v:q"])
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
            throw new InvalidOperationException($"dotnet publish AiChat.Server failed:\n{await stdout}\n{await stderr}");
        }

        return Path.Combine(output, "AiChat.Server.dll");
    }

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AiChat.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("AiChat.sln not found above " + AppContext.BaseDirectory);
    }
}

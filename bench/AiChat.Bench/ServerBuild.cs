namespace AiChat.Bench;

/// <summary>Publishes AiChat.Server in Release, as it is deployed, so the bench runs the shipped build.</summary>
internal static class ServerBuild
{
    public static Task<string> PublishAsync(CancellationToken cancellationToken) =>
        PublishAsync(Path.Combine("AiChat.Server", "AiChat.Server.csproj"), "server", cancellationToken);

    /// <summary>The bare forwarding hop (bench/AiChat.Bench.Hop), the floor the floor comparison measures AiChat against.</summary>
    public static Task<string> PublishHopAsync(CancellationToken cancellationToken) =>
        PublishAsync(Path.Combine("bench", "AiChat.Bench.Hop", "AiChat.Bench.Hop.csproj"), "hop", cancellationToken);

    private static async Task<string> PublishAsync(string project, string folder, CancellationToken cancellationToken)
    {
        var output = Path.Combine(AppContext.BaseDirectory, folder);
        if (Directory.Exists(output))
        {
            // What an earlier publish left (a .dll where there is now a native executable) must not be run instead.
            Directory.Delete(output, recursive: true);
        }

        await DotnetCommand.RunAsync(
            ["publish", Path.Combine(RepositoryRoot(), project), "-c", "Release", "-o", output, "--nologo", "-v:q"],
            cancellationToken);
        // A native publish leaves the executable alone; a framework-dependent one the .dll beside its apphost.
        var executable = Path.Combine(output, Path.GetFileNameWithoutExtension(project));
        return File.Exists(executable + ".dll") ? executable + ".dll" : executable;
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

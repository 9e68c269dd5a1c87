namespace AiChat.Bench;

/// <summary>Publishes AiChat.Server in Release, as it is deployed, so the bench runs the shipped build.</summary>
internal static class ServerBuild
{
    public static async Task<string> PublishAsync(CancellationToken cancellationToken)
    {
        var root = RepositoryRoot();
        var output = Path.Combine(AppContext.BaseDirectory, "server");
        await DotnetCommand.RunAsync(
            ["publish", Path.Combine(root, "AiChat.Server", "AiChat.Server.csproj"), "-c", "Release", "-o", output, "--nologo", "-v:q"],
            cancellationToken);
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

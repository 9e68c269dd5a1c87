namespace AiChat.Bench;

/// <summary>
/// The Functions path as a user runs it: AiChat.FunctionsHost published in Release, and AiChat.Functions built in
/// Release (the stand-in's project reference builds it in the same configuration), whose output the stand-in serves.
/// </summary>
internal static class FunctionsBuild
{
    public static async Task<FunctionsLaunch> PublishAsync(CancellationToken cancellationToken)
    {
        var root = ServerBuild.RepositoryRoot();
        var output = Path.Combine(AppContext.BaseDirectory, "functions-host");
        await DotnetCommand.RunAsync(
            ["publish", Path.Combine(root, "AiChat.FunctionsHost", "AiChat.FunctionsHost.csproj"), "-c", "Release", "-o", output, "--nologo", "-v:q"],
            cancellationToken);

        var app = Path.Combine(root, "AiChat.Functions", "bin", "Release", "net10.0");
        if (!File.Exists(Path.Combine(app, "worker.config.json")))
        {
            throw new InvalidOperationException($"AiChat.Functions' Release build was not found in {app}.");
        }

        // The stand-in gives the worker local.settings.json's Values where the environment does not set them, as Core Tools
        // does: any of them (KEY_VAULT_URI, a model catalogue) would change what the bench measures.
        if (File.Exists(Path.Combine(app, "local.settings.json")))
        {
            throw new InvalidOperationException(
                $"{Path.Combine(app, "local.settings.json")} would add settings to the bench's for the Functions app: move it away and run again.");
        }

        return new FunctionsLaunch(Path.Combine(output, "AiChat.FunctionsHost.dll"), app);
    }
}

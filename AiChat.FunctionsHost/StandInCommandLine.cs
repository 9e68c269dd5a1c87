using System.Globalization;
using System.Text.Json;

namespace AiChat.FunctionsHost;

/// <summary>
/// The stand-in's command line, and the app settings Core Tools would give the worker: local.settings.json's Values
/// from the app directory where the environment does not set them, and AZURE_FUNCTIONS_ENVIRONMENT=Development unless the environment says otherwise.
/// </summary>
internal sealed record StandInCommandLine(string AppDirectory, int Port, Dictionary<string, string?> AppSettings)
{
    public static StandInCommandLine Parse(string[] args)
    {
        var port = 7071;
        string? appDirectory = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--port" when i + 1 < args.Length:
                    port = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--app-dir" when i + 1 < args.Length:
                    appDirectory = Path.GetFullPath(args[++i]);
                    break;
                default:
                    throw new ArgumentException($"Unknown argument {args[i]}. Usage: [--port 7071] [--app-dir <AiChat.Functions build output>]");
            }
        }

        appDirectory ??= FindBuiltApp();
        var settings = ReadLocalSettings(appDirectory);
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AZURE_FUNCTIONS_ENVIRONMENT")))
        {
            settings.TryAdd("AZURE_FUNCTIONS_ENVIRONMENT", "Development");
        }

        return new StandInCommandLine(appDirectory, port, settings);
    }

    /// <summary>AiChat.Functions' output of the same configuration as this stand-in, found beside it in the repository.</summary>
    private static string FindBuiltApp()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "AiChat.Functions", "bin", configuration, "net10.0");
            if (File.Exists(Path.Combine(candidate, "worker.config.json")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("AiChat.Functions' build output was not found: run `dotnet build AiChat.Functions` or pass --app-dir.");
    }

    private static Dictionary<string, string?> ReadLocalSettings(string appDirectory)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var path = Path.Combine(appDirectory, "local.settings.json");
        if (File.Exists(path))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.TryGetProperty("Values", out var values))
            {
                // As with Core Tools, a variable already in the environment wins over the file.
                foreach (var value in values.EnumerateObject().Where(v => Environment.GetEnvironmentVariable(v.Name) is null))
                {
                    settings[value.Name] = value.Value.ValueKind == JsonValueKind.String ? value.Value.GetString() : value.Value.GetRawText();
                }
            }
        }

        return settings;
    }
}

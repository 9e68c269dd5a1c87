using System.Text.Json;

namespace AiChat.FunctionsHost;

/// <summary>worker.config.json, written by Worker.Sdk beside the build output: which assembly the host launches.</summary>
internal static class WorkerConfig
{
    public static string ReadWorkerPath(string appDirectory)
    {
        var path = Path.Combine(appDirectory, "worker.config.json");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No worker.config.json in {appDirectory}: build AiChat.Functions first (dotnet build AiChat.Functions).", path);
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("description").GetProperty("defaultWorkerPath").GetString()
            ?? throw new InvalidOperationException($"{path} names no defaultWorkerPath.");
    }
}

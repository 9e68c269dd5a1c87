using System.Text.Json;

namespace AiChat.Bench;

/// <summary>The published server, and any extra environment for it alone (<c>--server-env NAME=VALUE</c>), to try a runtime knob.</summary>
internal sealed record ServerLaunch(string Dll, IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>The same server with one more environment variable.</summary>
    public ServerLaunch With(string name, string value) => this with { Environment = new Dictionary<string, string>(Environment) { [name] = value } };

    /// <summary>Which GC the server runs with: its runtimeconfig.json, unless the environment overrides it.</summary>
    public string GarbageCollector()
    {
        if (Environment.TryGetValue("DOTNET_gcServer", out var value))
        {
            return value == "1" ? "Server GC" : "workstation GC";
        }

        using var config = JsonDocument.Parse(File.ReadAllBytes(Path.ChangeExtension(Dll, ".runtimeconfig.json")));
        var server = config.RootElement.GetProperty("runtimeOptions").TryGetProperty("configProperties", out var properties)
            && properties.TryGetProperty("System.GC.Server", out var setting) && setting.GetBoolean();
        return server ? "Server GC" : "workstation GC";
    }
}

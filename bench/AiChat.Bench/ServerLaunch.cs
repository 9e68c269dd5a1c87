using System.Diagnostics;
using System.Text.Json;

namespace AiChat.Bench;

/// <summary>
/// A published server: a native executable (AiChat.Server's publish today) or a framework-dependent .dll run by
/// <c>dotnet</c> (older commits, the bare hop); and any extra environment for it alone (<c>--server-env NAME=VALUE</c>),
/// to try a runtime knob.
/// </summary>
internal sealed record ServerLaunch(string Published, IReadOnlyDictionary<string, string> Environment)
{
    private bool IsDll => Published.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);

    /// <summary>The same server with one more environment variable.</summary>
    public ServerLaunch With(string name, string value) => this with { Environment = new Dictionary<string, string>(Environment) { [name] = value } };

    public ProcessStartInfo StartInfo(IEnumerable<string> arguments) =>
        new(IsDll ? "dotnet" : Published, IsDll ? [Published, .. arguments] : arguments) { WorkingDirectory = System.IO.Path.GetDirectoryName(Published) };

    /// <summary>Which GC the server runs with: the environment's choice, else its runtimeconfig.json's (a native build has its setting compiled in; AiChat.Server's is workstation).</summary>
    public string GarbageCollector()
    {
        if (Environment.TryGetValue("DOTNET_gcServer", out var value))
        {
            return value == "1" ? "Server GC" : "workstation GC";
        }

        if (!IsDll)
        {
            return "native, workstation GC";
        }

        using var config = JsonDocument.Parse(File.ReadAllBytes(System.IO.Path.ChangeExtension(Published, ".runtimeconfig.json")));
        var server = config.RootElement.GetProperty("runtimeOptions").TryGetProperty("configProperties", out var properties)
            && properties.TryGetProperty("System.GC.Server", out var setting) && setting.GetBoolean();
        return server ? "Server GC" : "workstation GC";
    }
}

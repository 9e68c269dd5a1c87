using System.Reflection;

namespace AiChat.Functions.Tests.Support;

/// <summary>
/// AiChat.Server published once per test run, as `dotnet publish` ships it: a native executable. The first test to
/// need it waits for the publish (a minute or two; later runs reuse what has not changed).
/// </summary>
public static class NativeServerBuild
{
    private static readonly Lazy<Task<string>> Published = new(PublishAsync);

    public static Task<string> ExecutableAsync() => Published.Value;

    private static async Task<string> PublishAsync()
    {
        var project = typeof(NativeServerBuild).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ServerProject").Value!;
        var output = Path.Combine(AppContext.BaseDirectory, "native-server");
        var publish = await ProcessRun.RunAsync(new ProcessStartInfo("dotnet", ["publish", project, "-c", "Release", "-o", output, "--nologo", "-v:q", "-nodeReuse:false"]));
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"Publishing AiChat.Server natively failed (it needs clang):\n{publish.Output}\n{publish.Error}");
        }

        return Path.Combine(output, "AiChat.Server");
    }
}

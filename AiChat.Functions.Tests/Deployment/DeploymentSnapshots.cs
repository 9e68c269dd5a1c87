namespace AiChat.Functions.Tests.Deployment;

/// <summary>
/// infra/main.bicep evaluated by `bicep snapshot` (offline: no Azure account) for two deployments: the smallest
/// (the DashScope key alone) and the fullest (AMap key, client keys, Redis, CORS origins).
/// </summary>
public sealed class DeploymentSnapshots : IAsyncLifetime
{
    public const string DashScopeKey = "sk-snapshot-dashscope-key";
    public const string AMapKey = "snapshot-amap-key";
    public const string ClientKeys = "snapshot-client-key-0001,snapshot-client-key-0002";

    private readonly string _directory = Directory.CreateTempSubdirectory("aichat-infra-").FullName;
    private readonly Dictionary<string, DeploymentSnapshot> _snapshots = [];

    public static TheoryData<string> Names => ["minimal", "full"];

    public DeploymentSnapshot this[string name] => _snapshots[name];

    public async Task InitializeAsync()
    {
        CopyWithoutSecureDecorators(BicepCli.InfraDirectory, _directory);
        await Task.WhenAll(
            SnapshotAsync("minimal", $"""
                param dashScopeApiKey = '{DashScopeKey}'
                """),
            SnapshotAsync("full", $"""
                param dashScopeApiKey = '{DashScopeKey}'
                param amapApiKey = '{AMapKey}'
                param clientApiKeys = '{ClientKeys}'
                param redisEnabled = true
                param allowedOrigins = 'https://chat.example.com, https://admin.example.com,'
                param principalId = '11111111-1111-1111-1111-111111111111'
                """));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    private async Task SnapshotAsync(string name, string parameters)
    {
        await File.WriteAllTextAsync(Path.Combine(_directory, name + ".bicepparam"), $"""
            using 'main.bicep'
            param environmentName = 'snapshot'
            param location = 'eastasia'
            {parameters}
            """);
        var run = await BicepCli.RunAsync(
            ["snapshot", name + ".bicepparam", "--subscription-id", "00000000-0000-0000-0000-000000000001", "--tenant-id", "00000000-0000-0000-0000-000000000002"],
            _directory);
        Assert.True(run.ExitCode == 0, run.Diagnostics);
        using var snapshot = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_directory, name + ".snapshot.json")));
        lock (_snapshots)
        {
            _snapshots[name] = new DeploymentSnapshot(name, snapshot.RootElement.GetProperty("predictedResources").Clone());
        }
    }

    /// <summary>
    /// The snapshot leaves every expression that touches a @secure() parameter unevaluated, so the copy it reads drops
    /// those decorators and nothing else: which settings and secrets a key's presence turns on is then evaluated.
    /// </summary>
    private static void CopyWithoutSecureDecorators(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var lines = File.ReadAllLines(file);
            File.WriteAllLines(target, file.EndsWith(".bicep", StringComparison.Ordinal) ? lines.Where(l => l.Trim() != "@secure()") : lines);
        }
    }
}

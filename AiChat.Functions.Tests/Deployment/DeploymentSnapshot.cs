namespace AiChat.Functions.Tests.Deployment;

/// <summary>
/// What `bicep snapshot` predicts a deployment of infra/main.bicep creates for one set of parameters: every resource,
/// its properties evaluated as far as they can be before anything exists (values only Azure knows, such as an
/// identity's client id, stay ARM expressions: strings that start with '[').
/// </summary>
public sealed class DeploymentSnapshot(string name, JsonElement predictedResources)
{
    public const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";

    public string Name { get; } = name;

    public IReadOnlyList<JsonElement> Resources { get; } = [.. predictedResources.EnumerateArray()];

    public JsonElement FunctionApp => One("Microsoft.Web/sites");

    public JsonElement Vault => One("Microsoft.KeyVault/vaults");

    public IReadOnlyDictionary<string, string> AppSettings => FunctionApp.GetProperty("properties").GetProperty("siteConfig")
        .GetProperty("appSettings").EnumerateArray()
        .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("value").GetString()!);

    public IEnumerable<JsonElement> OfType(string type) => Resources.Where(r => r.GetProperty("type").GetString() == type);

    public JsonElement One(string type) => Assert.Single(OfType(type));

    /// <summary>The vault's secret of that name, if the deployment writes one.</summary>
    public JsonElement? Secret(string secretName) =>
        OfType("Microsoft.KeyVault/vaults/secrets").Select(s => (JsonElement?)s)
            .SingleOrDefault(s => s!.Value.GetProperty("name").GetString() == $"{Vault.GetProperty("name").GetString()}/{secretName}");

    /// <summary>The role definition ids assigned with exactly this resource as their scope.</summary>
    public IEnumerable<string> RolesScopedTo(JsonElement resource)
    {
        var scope = resource.GetProperty("id").GetString()!;
        return OfType("Microsoft.Authorization/roleAssignments")
            .Where(a => a.GetProperty("id").GetString()!.StartsWith($"[extensionResourceId('{scope}', 'Microsoft.Authorization/roleAssignments'", StringComparison.Ordinal))
            .Select(a => a.GetProperty("properties").GetProperty("roleDefinitionId").GetString()!.Split('/')[^1]);
    }

    public override string ToString() => Name;
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace AiChat.Functions.Tests.Deployment;

/// <summary>The Function App's settings as infra/main.bicep writes them, held against what AiChat reads.</summary>
public sealed partial class AppSettingsTests(DeploymentSnapshots snapshots) : IClassFixture<DeploymentSnapshots>
{
    [Theory]
    [MemberData(nameof(DeploymentSnapshots.Names), MemberType = typeof(DeploymentSnapshots))]
    public void Every_setting_the_Bicep_writes_is_one_AiChat_or_the_platform_reads(string deployment)
    {
        var unknown = snapshots[deployment].AppSettings.Keys
            .Where(name => !AiChatSettingNames.All.Contains(name) && !PlatformSettingNames.All.ContainsKey(name));

        Assert.Empty(unknown);
    }

    [Theory]
    [MemberData(nameof(DeploymentSnapshots.Names), MemberType = typeof(DeploymentSnapshots))]
    public void The_DashScope_key_is_read_from_the_deployed_vault_by_the_app_identity_alone(string deployment)
    {
        var snapshot = snapshots[deployment];
        var settings = snapshot.AppSettings;
        var vaultName = snapshot.Vault.GetProperty("name").GetString()!;

        Assert.Contains($"'{vaultName}', environment().suffixes.keyvaultDns", settings["KEY_VAULT_URI"], StringComparison.Ordinal);
        var secret = snapshot.Secret(settings["DASHSCOPE_API_KEY_SECRET_NAME"]);
        Assert.NotNull(secret);
        Assert.Equal(DeploymentSnapshots.DashScopeKey, secret.Value.GetProperty("properties").GetProperty("value").GetString());
        Assert.Contains(DeploymentSnapshot.KeyVaultSecretsUser, snapshot.RolesScopedTo(secret.Value));
        Assert.Empty(snapshot.RolesScopedTo(snapshot.Vault));
        Assert.Equal(settings["AzureWebJobsStorage__clientId"], settings["AZURE_CLIENT_ID"]);
        Assert.DoesNotContain("DASHSCOPE_API_KEY", settings.Keys);
    }

    [Theory]
    [MemberData(nameof(DeploymentSnapshots.Names), MemberType = typeof(DeploymentSnapshots))]
    public void The_written_settings_pass_AiChat_start_up_validation(string deployment)
    {
        using var host = BareHost.Build(AsTheAppSeesThem(snapshots[deployment]), Environments.Production);

        var failure = Record.Exception(() => host.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Null(failure);
    }

    [Fact]
    public void By_default_the_deployment_bounds_what_callers_spend()
    {
        var settings = snapshots["minimal"].AppSettings;

        Assert.Equal("100000", settings["RATE_LIMIT_TOKENS_PER_DAY"]);
        Assert.Equal("1000000", settings["DAILY_TOKEN_BUDGET"]);
        Assert.Equal("100", settings["GEO_TOOL_CALLS_PER_CLIENT_PER_DAY"]);
        Assert.DoesNotContain("ALLOW_UNBOUNDED_SPEND", settings.Keys);
    }

    [Fact]
    public void Without_Redis_sessions_and_limits_stay_in_the_memory_of_one_instance()
    {
        var snapshot = snapshots["minimal"];

        Assert.Equal("memory", snapshot.AppSettings["SESSION_STORE"]);
        Assert.DoesNotContain("REDIS_CONNECTION", snapshot.AppSettings.Keys);
        Assert.Empty(snapshot.OfType("Microsoft.Cache/redis"));
        Assert.Equal(1, ScaleAndConcurrency(snapshot).GetProperty("maximumInstanceCount").GetInt32());
    }

    [Fact]
    public void With_Redis_sessions_and_limits_share_a_TLS_only_cache_whose_connection_the_app_reads_from_the_vault()
    {
        var snapshot = snapshots["full"];
        var cache = snapshot.One("Microsoft.Cache/redis").GetProperty("properties");

        Assert.Equal("redis", snapshot.AppSettings["SESSION_STORE"]);
        var secret = ReferencedSecret(snapshot, "REDIS_CONNECTION");
        Assert.Contains(DeploymentSnapshot.KeyVaultSecretsUser, snapshot.RolesScopedTo(secret));
        Assert.StartsWith("[format('{0}:{1},password={2},ssl=true,abortConnect=false'", secret.GetProperty("properties").GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.False(cache.GetProperty("enableNonSslPort").GetBoolean());
        Assert.Equal("1.2", cache.GetProperty("minimumTlsVersion").GetString());
        Assert.Equal(10, ScaleAndConcurrency(snapshot).GetProperty("maximumInstanceCount").GetInt32());
    }

    [Fact]
    public void The_geo_assistant_and_the_OpenAI_compatible_API_are_on_only_when_their_keys_are_given()
    {
        var minimal = snapshots["minimal"];
        var full = snapshots["full"];

        Assert.Equal("off", minimal.AppSettings["GEO_ASSISTANT"]);
        Assert.DoesNotContain("CLIENT_API_KEYS", minimal.AppSettings.Keys);
        Assert.Null(minimal.Secret("AMapApiKey"));
        Assert.Equal("on", full.AppSettings["GEO_ASSISTANT"]);
        var amapSecret = full.Secret(full.AppSettings["AMAP_API_KEY_SECRET_NAME"]);
        Assert.NotNull(amapSecret);
        Assert.Equal(DeploymentSnapshots.AMapKey, amapSecret.Value.GetProperty("properties").GetProperty("value").GetString());
        Assert.Equal(DeploymentSnapshots.ClientKeys, ReferencedSecret(full, "CLIENT_API_KEYS").GetProperty("properties").GetProperty("value").GetString());
    }

    [Fact]
    public void No_key_is_written_into_an_app_setting()
    {
        var values = snapshots["full"].AppSettings.Values;

        foreach (var key in (string[])[DeploymentSnapshots.DashScopeKey, DeploymentSnapshots.AMapKey, .. DeploymentSnapshots.ClientKeys.Split(',')])
        {
            Assert.DoesNotContain(values, value => value.Contains(key, StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(DeploymentSnapshots.Names), MemberType = typeof(DeploymentSnapshots))]
    public void Storage_and_Application_Insights_take_no_keys_only_the_app_identity(string deployment)
    {
        var snapshot = snapshots[deployment];
        var storage = snapshot.One("Microsoft.Storage/storageAccounts");
        var insights = snapshot.One("Microsoft.Insights/components");
        var deploymentStorage = snapshot.FunctionApp.GetProperty("properties").GetProperty("functionAppConfig").GetProperty("deployment").GetProperty("storage");

        Assert.False(storage.GetProperty("properties").GetProperty("allowSharedKeyAccess").GetBoolean());
        Assert.Contains("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", snapshot.RolesScopedTo(storage)); // Storage Blob Data Owner
        Assert.DoesNotContain("AzureWebJobsStorage", snapshot.AppSettings.Keys);
        Assert.Equal("managedidentity", snapshot.AppSettings["AzureWebJobsStorage__credential"]);
        Assert.Equal("UserAssignedIdentity", deploymentStorage.GetProperty("authentication").GetProperty("type").GetString());
        Assert.True(insights.GetProperty("properties").GetProperty("DisableLocalAuth").GetBoolean());
        Assert.Contains("3913510d-42f4-4e42-8a64-420c390055eb", snapshot.RolesScopedTo(insights)); // Monitoring Metrics Publisher
        var clientId = snapshot.AppSettings["AZURE_CLIENT_ID"][1..^1]; // the identity's client id, an ARM expression
        Assert.Equal($"[format('ClientId={{0}};Authorization=AAD', {clientId})]", snapshot.AppSettings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
    }

    [Theory]
    [MemberData(nameof(DeploymentSnapshots.Names), MemberType = typeof(DeploymentSnapshots))]
    public void The_app_is_a_Flex_Consumption_dotnet_isolated_10_app_whose_CORS_admits_the_given_origins(string deployment)
    {
        var snapshot = snapshots[deployment];
        var properties = snapshot.FunctionApp.GetProperty("properties");
        var runtime = properties.GetProperty("functionAppConfig").GetProperty("runtime");
        var origins = properties.GetProperty("siteConfig").GetProperty("cors").GetProperty("allowedOrigins").EnumerateArray().Select(o => o.GetString());

        Assert.Equal("FlexConsumption", snapshot.One("Microsoft.Web/serverfarms").GetProperty("sku").GetProperty("tier").GetString());
        Assert.Equal(("dotnet-isolated", "10.0"), (runtime.GetProperty("name").GetString(), runtime.GetProperty("version").GetString()));
        Assert.True(properties.GetProperty("httpsOnly").GetBoolean());
        Assert.Equal(deployment == "full" ? ["https://chat.example.com", "https://admin.example.com"] : [], origins);
        // ALLOWED_ORIGINS is the self-host's; under the Functions host the Function App's CORS decides.
        Assert.DoesNotContain("ALLOWED_ORIGINS", snapshot.AppSettings.Keys);
    }

    private static JsonElement ScaleAndConcurrency(DeploymentSnapshot snapshot) =>
        snapshot.FunctionApp.GetProperty("properties").GetProperty("functionAppConfig").GetProperty("scaleAndConcurrency");

    /// <summary>The vault secret a Key Vault reference setting names; the reference must name the deployed vault.</summary>
    private static JsonElement ReferencedSecret(DeploymentSnapshot snapshot, string setting)
    {
        var reference = KeyVaultReference().Match(snapshot.AppSettings[setting]);
        Assert.True(reference.Success, $"{setting} is not a Key Vault reference: {snapshot.AppSettings[setting]}");
        Assert.Equal(snapshot.Vault.GetProperty("name").GetString(), reference.Groups["vault"].Value);
        return snapshot.Secret(reference.Groups["secret"].Value) ?? throw new Xunit.Sdk.XunitException($"{setting} names a secret the deployment does not write.");
    }

    /// <summary>
    /// The settings as the app would read them in Azure's public cloud: the vault's URL filled in, Key Vault
    /// references replaced by their secrets' values where the snapshot knows them; settings only Azure can fill in
    /// (an identity's client id) are left out.
    /// </summary>
    private static Dictionary<string, string?> AsTheAppSeesThem(DeploymentSnapshot snapshot)
    {
        Dictionary<string, string?> settings = [];
        foreach (var (name, value) in snapshot.AppSettings)
        {
            var resolved = name == "KEY_VAULT_URI" ? $"https://{snapshot.Vault.GetProperty("name").GetString()}.vault.azure.net/"
                : KeyVaultReference().Match(value) is { Success: true } reference
                    ? snapshot.Secret(reference.Groups["secret"].Value)?.GetProperty("properties").GetProperty("value").GetString()
                    : value;
            if (resolved is not null && !resolved.StartsWith('['))
            {
                settings[name] = resolved;
            }
        }

        return settings;
    }

    [GeneratedRegex(@"^@Microsoft\.KeyVault\(VaultName=(?<vault>[^;]+);SecretName=(?<secret>[^)]+)\)$")]
    private static partial Regex KeyVaultReference();
}

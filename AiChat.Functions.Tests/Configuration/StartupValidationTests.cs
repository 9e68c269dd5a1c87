using Microsoft.Extensions.Hosting;

namespace AiChat.Functions.Tests.Configuration;

public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("DASHSCOPE_BASE_URL", "https://dashscope.aliyuncs.com/v2")]
    [InlineData("DASHSCOPE_BASE_URL", "not a url")]
    [InlineData("DASHSCOPE_MODEL", "gpt-4")]
    [InlineData("MAX_REQUEST_BODY_BYTES", "10")]
    [InlineData("KEY_VAULT_URI", "http://my-vault.vault.azure.net/")]
    [InlineData("KEY_VAULT_URI", "my-vault")]
    [InlineData("DASHSCOPE_API_KEY_SECRET_NAME", "DashScope_Api_Key")]
    [InlineData("RATE_LIMIT_REQUESTS_PER_MINUTE", "-1")]
    [InlineData("RATE_LIMIT_CONCURRENT_STREAMS", "-1")]
    [InlineData("RATE_LIMIT_TOKENS_PER_DAY", "-5")]
    [InlineData("DAILY_TOKEN_BUDGET", "-5")]
    [InlineData("RATE_LIMIT_WHEN_STORE_UNAVAILABLE", "sometimes")]
    [InlineData("TRUSTED_PROXIES", "10.0.0.1,not-an-address")]
    [InlineData("TRUSTED_PROXIES", "10.0.0.0/33")]
    [InlineData("TRUSTED_PROXIES", "10.0.0.1,0.0.0.0/0")]
    [InlineData("TRUSTED_PROXIES", "::/0")]
    [InlineData("DASHSCOPE_BASE_URL", "http://dashscope.example.com/api/v1")]
    [InlineData("AMAP_BASE_URL", "http://restapi.example.com/")]
    [InlineData("TRUST_EASY_AUTH", "true")]
    [InlineData("CLIENT_IPV6_PREFIX_LENGTH", "0")]
    [InlineData("REDIS_CONNECTION", "localhost:6379,ssl=maybe", "redis")]
    [InlineData("REDIS_CONNECTION", "localhost:6379,nosuchoption=1", "redis")]
    [InlineData("REDIS_CONNECTION", ",password=secret", "redis")]
    [InlineData("REDIS_CA_CERTIFICATE", "/nonexistent/ca.pem", "redis")]
    [InlineData("GEO_ASSISTANT", "maybe")]
    [InlineData("GEO_ASSISTANT", "on")]
    [InlineData("AMAP_BASE_URL", "restapi.amap.com")]
    [InlineData("AMAP_BASE_URL", "ftp://restapi.amap.com")]
    [InlineData("AMAP_API_KEY_SECRET_NAME", "AMap_Key")]
    public async Task Invalid_configuration_stops_start_up_with_a_message_naming_the_setting(string setting, string value, string sessionStore = "memory")
    {
        // The spend bound is said explicitly so that the only failure is the one under test.
        using var host = BareHost.Build(new Dictionary<string, string?> { ["ALLOW_UNBOUNDED_SPEND"] = "true", [setting] = value, ["SESSION_STORE"] = sessionStore });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Defaults_start_without_any_configuration_outside_Production()
    {
        using var host = BareHost.Build([], Environments.Development);

        await host.StartAsync();
        await host.StopAsync();
    }

    [Fact]
    public async Task Production_with_no_spend_bound_refuses_to_start_naming_the_settings()
    {
        using var host = BareHost.Build(new Dictionary<string, string?> { ["RATE_LIMIT_TOKENS_PER_DAY"] = "0", ["DAILY_TOKEN_BUDGET"] = "0" }, Environments.Production);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("RATE_LIMIT_TOKENS_PER_DAY", error.Message, StringComparison.Ordinal);
        Assert.Contains("DAILY_TOKEN_BUDGET", error.Message, StringComparison.Ordinal);
        Assert.Contains("ALLOW_UNBOUNDED_SPEND=true", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RATE_LIMIT_TOKENS_PER_DAY", "100000")]
    [InlineData("DAILY_TOKEN_BUDGET", "1000000")]
    [InlineData("ALLOW_UNBOUNDED_SPEND", "true")]
    public async Task Production_starts_with_a_token_limit_a_budget_or_unbounded_spend_said_explicitly(string setting, string value)
    {
        using var host = BareHost.Build(new Dictionary<string, string?> { [setting] = value }, Environments.Production);

        await host.StartAsync();
        await host.StopAsync();
    }
}

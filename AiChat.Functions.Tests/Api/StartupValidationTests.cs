using AiChat.Core.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AiChat.Functions.Tests.Api;

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
    public async Task Invalid_configuration_stops_start_up_with_a_message_naming_the_setting(string setting, string value)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [setting] = value });
        builder.AddAiChat();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Defaults_start_without_any_configuration()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.AddAiChat();
        using var host = builder.Build();

        await host.StartAsync();
        await host.StopAsync();
    }
}

using AiChat.Core.Geo;
using AiChat.Core.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AiChat.Functions.Tests.Geo;

public sealed class GeoOptionsTests
{
    [Theory]
    [InlineData("GEO_ASSISTANT", "maybe")]
    [InlineData("GEO_ASSISTANT", "on")]
    [InlineData("AMAP_BASE_URL", "restapi.amap.com")]
    [InlineData("AMAP_BASE_URL", "ftp://restapi.amap.com")]
    [InlineData("AMAP_API_KEY_SECRET_NAME", "AMap_Key")]
    public async Task Invalid_geo_settings_stop_start_up_with_a_message_naming_the_setting(string setting, string value)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        // The spend bound is said explicitly so that the only failure is the one under test.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ALLOW_UNBOUNDED_SPEND"] = "true", [setting] = value });
        builder.AddAiChat();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, null, false)]
    [InlineData(null, "amap-key", null, true)]
    [InlineData(null, null, "https://v.vault.azure.net/", true)]
    [InlineData("off", "amap-key", null, false)]
    [InlineData("on", "amap-key", null, true)]
    public void Auto_is_on_with_a_key_and_off_without(string? mode, string? key, string? vault, bool enabled)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GEO_ASSISTANT"] = mode,
            ["AMAP_API_KEY"] = key,
            ["KEY_VAULT_URI"] = vault
        });
        builder.AddAiChat();
        using var host = builder.Build();

        Assert.Equal(enabled, host.Services.GetRequiredService<IGeoTools>().IsEnabled);
    }
}

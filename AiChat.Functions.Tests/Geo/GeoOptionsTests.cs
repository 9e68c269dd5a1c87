namespace AiChat.Functions.Tests.Geo;

public sealed class GeoOptionsTests
{
    [Theory]
    [InlineData(null, null, null, false)]
    [InlineData(null, "amap-key", null, true)]
    [InlineData(null, null, "https://v.vault.azure.net/", true)]
    [InlineData("off", "amap-key", null, false)]
    [InlineData("on", "amap-key", null, true)]
    public void Auto_is_on_with_a_key_and_off_without(string? mode, string? key, string? vault, bool enabled)
    {
        using var host = BareHost.Build(new Dictionary<string, string?> { ["GEO_ASSISTANT"] = mode, ["AMAP_API_KEY"] = key, ["KEY_VAULT_URI"] = vault });

        Assert.Equal(enabled, host.Services.GetRequiredService<IGeoTools>().IsEnabled);
    }
}

using AiChat.Core.Geo.AMap;

namespace AiChat.Functions.Tests.Geo;

/// <summary>The AMap key from Key Vault, through the reader the DashScope key uses, over the real SecretClient and a fake vault.</summary>
public sealed class AMapKeySourceTests
{
    [Fact]
    public async Task The_key_is_read_once_and_kept()
    {
        var vault = new FakeKeyVault(FakeKeyVault.Secret("amap-from-vault"));
        using var keys = Source(vault, FakeKeyVault.SecretName);

        var first = await keys.GetKeyAsync(CancellationToken.None);
        var second = await keys.GetKeyAsync(CancellationToken.None);

        Assert.Equal(("amap-from-vault", "amap-from-vault"), (first, second));
        Assert.Equal(1, vault.SecretReads);
    }

    [Fact]
    public async Task A_missing_secret_is_a_provider_error_that_names_the_setting()
    {
        var vault = new FakeKeyVault(FakeKeyVault.Secret("never-read"));
        using var keys = Source(vault, "AMapApiKey");

        var error = await Assert.ThrowsAsync<AMapException>(() => keys.GetKeyAsync(CancellationToken.None).AsTask());

        Assert.Equal("provider_error", error.ErrorCode);
        Assert.Contains("no secret 'AMapApiKey'", error.Message, StringComparison.Ordinal);
        Assert.Contains("AMAP_API_KEY_SECRET_NAME", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_key_the_configured_source_says_which_setting_is_missing()
    {
        var keys = new ConfiguredAMapKeySource(Options.Create(new GeoOptions()));

        var error = await Assert.ThrowsAsync<AMapException>(() => keys.GetKeyAsync(CancellationToken.None).AsTask());

        Assert.Contains("AMAP_API_KEY", error.Message, StringComparison.Ordinal);
    }

    private static KeyVaultAMapKeySource Source(FakeKeyVault vault, string secretName) => new(
        vault.CreateClient(),
        Options.Create(new GeoOptions { KeyVaultUri = vault.Address.AbsoluteUri, KeyVaultSecretName = secretName }),
        NullLogger<KeyVaultAMapKeySource>.Instance);
}

using Microsoft.Extensions.Configuration;

namespace AiChat.Core.Geo;

/// <summary>The geo assistant's settings (docs/geo-assistant.md).</summary>
internal sealed class GeoOptions
{
    public const string DefaultBaseUrl = "https://restapi.amap.com";

    /// <summary>An AMap Web服务 key. Not used when KEY_VAULT_URI is set: the key is then the secret <see cref="KeyVaultSecretName"/>.</summary>
    [ConfigurationKeyName("AMAP_API_KEY")]
    public string? ApiKey { get; set; }

    [ConfigurationKeyName("AMAP_API_KEY_SECRET_NAME")]
    public string KeyVaultSecretName { get; set; } = "AMapApiKey";

    [ConfigurationKeyName("KEY_VAULT_URI")]
    public string? KeyVaultUri { get; set; }

    [ConfigurationKeyName("AMAP_BASE_URL")]
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary><c>auto</c> (also when empty; on when an AMap key can be had, the embedded emulator's included), <c>on</c> or <c>off</c>.</summary>
    [ConfigurationKeyName("GEO_ASSISTANT")]
    public string? Mode { get; set; } = "auto";

    public bool HasKeySource => KeyVaultUri is { Length: > 0 } || ApiKey is { Length: > 0 };

    public bool IsEnabled => Mode switch
    {
        "on" => true,
        "off" => false,
        _ => HasKeySource,
    };
}

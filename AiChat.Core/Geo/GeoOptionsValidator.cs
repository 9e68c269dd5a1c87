using AiChat.Core.Secrets;
using Microsoft.Extensions.Hosting;

namespace AiChat.Core.Geo;

/// <summary>Refuses to start on geo settings that could only fail later, with a message naming the setting.</summary>
internal sealed class GeoOptionsValidator(IHostEnvironment? environment = null) : SettingsValidator<GeoOptions>
{
    protected override void Check(GeoOptions options, List<string> failures)
    {
        if (options.Mode is not (null or "" or "auto" or "on" or "off"))
        {
            failures.Add($"GEO_ASSISTANT must be auto, on or off; got '{options.Mode}'.");
        }
        else if (options.Mode == "on" && !options.HasKeySource)
        {
            failures.Add("GEO_ASSISTANT is on, but there is no AMap key: set AMAP_API_KEY, or KEY_VAULT_URI with the secret named by AMAP_API_KEY_SECRET_NAME.");
        }

        UpstreamBaseUrl.Validate("AMAP_BASE_URL", options.BaseUrl, GeoOptions.DefaultBaseUrl, environment, failures);
        KeyVaultSecretName.Validate("AMAP_API_KEY_SECRET_NAME", options.KeyVaultSecretName, failures);
    }
}

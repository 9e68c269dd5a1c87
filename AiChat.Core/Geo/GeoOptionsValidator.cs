using AiChat.Core.Configuration;
using AiChat.Core.Secrets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AiChat.Core.Geo;

/// <summary>Refuses to start on geo settings that could only fail later, with a message naming the setting.</summary>
internal sealed class GeoOptionsValidator(IHostEnvironment? environment = null) : IValidateOptions<GeoOptions>
{
    public ValidateOptionsResult Validate(string? name, GeoOptions options)
    {
        List<string> failures = [];
        if (options.Mode is not (null or "" or "auto" or "on" or "off"))
        {
            failures.Add($"GEO_ASSISTANT must be auto, on or off; got '{options.Mode}'.");
        }
        else if (options.Mode == "on" && !options.HasKeySource)
        {
            failures.Add("GEO_ASSISTANT is on, but there is no AMap key: set AMAP_API_KEY, or KEY_VAULT_URI with the secret named by AMAP_API_KEY_SECRET_NAME.");
        }

        UpstreamBaseUrl.Validate("AMAP_BASE_URL", options.BaseUrl, GeoOptions.DefaultBaseUrl, environment, failures);

        if (!KeyVaultSecretName.IsValid(options.KeyVaultSecretName))
        {
            failures.Add($"AMAP_API_KEY_SECRET_NAME must be a Key Vault secret name (1 to 127 letters, digits and dashes); got '{options.KeyVaultSecretName}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

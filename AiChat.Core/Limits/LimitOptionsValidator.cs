using Microsoft.Extensions.Options;

namespace AiChat.Core.Limits;

internal sealed class LimitOptionsValidator : IValidateOptions<LimitOptions>
{
    public ValidateOptionsResult Validate(string? name, LimitOptions options)
    {
        List<string> failures = [];
        if (TrustedProxies.TryParse(options.TrustedProxies, out var bad) is null)
        {
            failures.Add($"TRUSTED_PROXIES must be comma-separated addresses or CIDR ranges narrower than /0 (e.g. 10.0.0.4,172.16.0.0/12); not: {string.Join(", ", bad)}.");
        }

        if (options.TrustEasyAuth && !options.EasyAuthEnabled)
        {
            // Without App Service Authentication in front, any caller could send the principal header and pick its own limits.
            failures.Add("TRUST_EASY_AUTH=true needs App Service Authentication on (WEBSITE_AUTH_ENABLED=true, which App Service sets when it is).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

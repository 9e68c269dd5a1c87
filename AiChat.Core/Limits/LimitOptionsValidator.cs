using Microsoft.Extensions.Hosting;

namespace AiChat.Core.Limits;

/// <param name="environment">Without one (a bare service collection), the Production rules apply.</param>
internal sealed class LimitOptionsValidator(IHostEnvironment? environment = null) : SettingsValidator<LimitOptions>
{
    public const string UnboundedSpend =
        "Production needs a spend bound: set RATE_LIMIT_TOKENS_PER_DAY (tokens per client per UTC day) and/or DAILY_TOKEN_BUDGET " +
        "(tokens all clients together per UTC day), or ALLOW_UNBOUNDED_SPEND=true to let callers spend the DashScope key without one.";

    protected override void Check(LimitOptions options, List<string> failures)
    {
        if (TrustedProxies.TryParse(options.TrustedProxies, out var bad) is null)
        {
            failures.Add($"TRUSTED_PROXIES must be comma-separated addresses or CIDR ranges narrower than /0 (e.g. 10.0.0.4,172.16.0.0/12); not: {string.Join(", ", bad)}.");
        }

        if (options.TrustEasyAuth && !options.EasyAuthEnabled)
        {
            // Without App Service Authentication in front, any caller could send the principal header and pick its own limits.
            failures.Add("TRUST_EASY_AUTH=true needs App Service Authentication on (WEBSITE_AUTH_ENABLED=true, which App Service sets when it is).");
        }

        if (options.ClientIpHeader?.StartsWith("X-Azure-", StringComparison.OrdinalIgnoreCase) == true && string.IsNullOrWhiteSpace(options.FrontDoorId))
        {
            // Front Door writes its X-Azure-* headers, but a caller that reaches the origin directly can write them too.
            failures.Add($"CLIENT_IP_HEADER={options.ClientIpHeader} is believed only from one Front Door: set FRONT_DOOR_ID to its id (the X-Azure-FDID it sends).");
        }

        if (!string.IsNullOrWhiteSpace(options.FrontDoorId) && !Guid.TryParse(options.FrontDoorId, out _))
        {
            failures.Add("FRONT_DOOR_ID must be the Front Door profile's id, a GUID (its X-Azure-FDID).");
        }

        if (!options.CountsTokens && !options.AllowUnboundedSpend && (environment?.IsProduction() ?? true))
        {
            failures.Add(UnboundedSpend);
        }
    }
}

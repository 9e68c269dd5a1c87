using Microsoft.Extensions.Options;

namespace AiChat.Core.Limits;

internal sealed class LimitOptionsValidator : IValidateOptions<LimitOptions>
{
    public ValidateOptionsResult Validate(string? name, LimitOptions options) =>
        TrustedProxies.TryParse(options.TrustedProxies, out var bad) is null
            ? ValidateOptionsResult.Fail($"TRUSTED_PROXIES must be comma-separated addresses or CIDR ranges narrower than /0 (e.g. 10.0.0.4,172.16.0.0/12); not: {string.Join(", ", bad)}.")
            : ValidateOptionsResult.Success;
}

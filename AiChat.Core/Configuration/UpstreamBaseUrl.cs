using Microsoft.Extensions.Hosting;

namespace AiChat.Core.Configuration;

/// <summary>
/// The rule every upstream base URL setting follows: an absolute http(s) URL. Over plain http it would carry the
/// upstream's key in clear, so Production refuses one unless it names this machine (an emulator, or a local proxy
/// that adds TLS); other environments allow it. Without a host environment (a bare service collection) the
/// Production rule applies.
/// </summary>
internal static class UpstreamBaseUrl
{
    /// <summary>Checks <paramref name="setting"/>'s <paramref name="value"/>; a broken rule is added to <paramref name="failures"/>.</summary>
    /// <param name="example">A URL the message offers as an example, if any.</param>
    /// <returns>The URL when it follows the rule; null otherwise.</returns>
    public static Uri? Validate(string setting, string? value, string? example, IHostEnvironment? environment, List<string> failures)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
        {
            failures.Add($"{setting} must be an absolute http(s) URL{(example is null ? "" : ", e.g. " + example)}; got '{value}'.");
            return null;
        }

        if (baseUrl.Scheme == Uri.UriSchemeHttp && (environment?.IsProduction() ?? true) && !baseUrl.IsLoopback)
        {
            failures.Add($"{setting} must be https in Production (the key would travel in clear), or name a loopback address; got '{baseUrl}'.");
            return null;
        }

        return baseUrl;
    }
}

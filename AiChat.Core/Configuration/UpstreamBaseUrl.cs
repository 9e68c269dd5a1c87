using Microsoft.Extensions.Hosting;

namespace AiChat.Core.Configuration;

/// <summary>
/// An upstream base URL over plain http would carry the upstream's key in clear. Production refuses one unless it
/// names this machine (an emulator, or a local proxy that adds TLS); other environments allow it. Without a host
/// environment (a bare service collection) the Production rule applies.
/// </summary>
internal static class ClearTextUpstream
{
    public static bool IsRefused(Uri baseUrl, IHostEnvironment? environment) =>
        baseUrl.Scheme == Uri.UriSchemeHttp && (environment?.IsProduction() ?? true) && !baseUrl.IsLoopback;

    public static string Message(string setting, Uri baseUrl) =>
        $"{setting} must be https in Production (the key would travel in clear), or name a loopback address; got '{baseUrl}'.";
}

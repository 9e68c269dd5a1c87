using AiChat.Core.Hosting;

namespace AiChat.Core.Geo.AMap;

/// <summary>The process's one HttpClient to AMap; each request gets its own deadline from AMapClient.</summary>
internal static class AMapHttpClient
{
    public const string ServiceKey = "AMap";

    public static HttpClient Create(IAMapKeySource keys) =>
        UpstreamHttpClient.Create(new AMapKeyHandler(keys), connectTimeout: TimeSpan.FromSeconds(3), AMapClient.MaxConcurrentRequests);
}

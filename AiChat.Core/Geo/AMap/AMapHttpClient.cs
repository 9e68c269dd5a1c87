namespace AiChat.Core.Geo.AMap;

/// <summary>The process's one HttpClient to AMap.</summary>
internal static class AMapHttpClient
{
    public const string ServiceKey = "AMap";

    public static HttpClient Create(IAMapKeySource keys) =>
        new(new AMapKeyHandler(keys)
        {
            InnerHandler = new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                ConnectTimeout = TimeSpan.FromSeconds(3),
                MaxConnectionsPerServer = AMapClient.MaxConcurrentRequests,
            },
        })
        {
            // Each request gets its own deadline from AMapClient.
            Timeout = Timeout.InfiniteTimeSpan,
        };
}

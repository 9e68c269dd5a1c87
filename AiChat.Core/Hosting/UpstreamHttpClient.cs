namespace AiChat.Core.Hosting;

/// <summary>
/// The process's one HttpClient to an upstream (DashScope, AMap): the key added per request by
/// its key handler, connections renewed every two minutes so DNS is read again (the upstreams' hosts
/// sit behind changing addresses), and no client-wide timeout: each caller sets its own deadline per request.
/// </summary>
internal static class UpstreamHttpClient
{
    public static HttpClient Create(DelegatingHandler keyHandler, TimeSpan connectTimeout, int maxConnectionsPerServer = int.MaxValue)
    {
        keyHandler.InnerHandler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = connectTimeout,
            MaxConnectionsPerServer = maxConnectionsPerServer,
            // Over HTTP/2 (DASHSCOPE_HTTP2), past the upstream's streams per connection (commonly 100) open another.
            EnableMultipleHttp2Connections = true,
            // An API call is answered, never redirected (a redirect would drop the key anyway), and one process-wide
            // cookie jar would mix every user's calls: neither handler has work to do, so neither runs on each call.
            AllowAutoRedirect = false,
            UseCookies = false,
        };
        return new HttpClient(keyHandler) { Timeout = Timeout.InfiniteTimeSpan };
    }
}

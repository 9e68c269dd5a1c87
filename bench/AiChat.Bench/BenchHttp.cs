namespace AiChat.Bench;

internal static class BenchHttp
{
    /// <summary>One client for both routes, so both get the same connection handling.</summary>
    public static HttpClient Create() =>
        new(new SocketsHttpHandler
        {
            // Loopback only, whatever proxy the environment names.
            UseProxy = false,
            UseCookies = false,
            // A client that leaves mid-stream must close its connection at once, not drain it for reuse.
            MaxResponseDrainSize = 0,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        })
        {
            Timeout = TimeSpan.FromMinutes(2),
        };
}

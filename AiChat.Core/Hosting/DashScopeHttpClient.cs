using AiChat.Core.DashScope;

namespace AiChat.Core.Hosting;

/// <summary>The process's one HttpClient to DashScope.</summary>
internal static class DashScopeHttpClient
{
    public const string ServiceKey = "DashScope";

    public static HttpClient Create(IDashScopeKeySource keys) =>
        new(new ApiKeyHandler(keys)
        {
            InnerHandler = new SocketsHttpHandler
            {
                // Re-resolve DNS now and then: DashScope's regional hosts sit behind changing addresses.
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                ConnectTimeout = TimeSpan.FromSeconds(10),
                // With DASHSCOPE_HTTP2, past the upstream's streams per connection (commonly 100) open another.
                EnableMultipleHttp2Connections = true,
            },
        })
        {
            // Deadlines are set per call by DashScopeClient, which knows a stream from a completion.
            Timeout = Timeout.InfiniteTimeSpan,
        };
}

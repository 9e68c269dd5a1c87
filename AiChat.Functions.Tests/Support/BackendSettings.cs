namespace AiChat.Functions.Tests.Support;

/// <summary>What each <see cref="BackendSetup"/> sets, as a user would set it.</summary>
public static class BackendSettings
{
    public const string AMapKey = "amap-test-0f1e2d3c4b5a69788796a5b4c3d2e1f0";

    public const string ClientKey = "ck-test-first-2f9a61c0b7d84e35";

    public const string SecondClientKey = "ck-test-second-8d1e7b42a9c05f6e";

    /// <summary>
    /// A shared backend serves a whole class's tests from one address, more than a client's default limits allow:
    /// limits are off unless a test starts its own host with them.
    /// </summary>
    public static Dictionary<string, string?> For(BackendSetup setup, Uri? amap)
    {
        var settings = new Dictionary<string, string?>
        {
            ["RATE_LIMIT_REQUESTS_PER_MINUTE"] = "0",
            ["RATE_LIMIT_CONCURRENT_STREAMS"] = "0",
            ["GEO_TOOL_CALLS_PER_CLIENT_PER_DAY"] = "0",
        };
        switch (setup)
        {
            case BackendSetup.GeoAssistant:
                settings["AMAP_API_KEY"] = AMapKey;
                settings["AMAP_BASE_URL"] = amap!.AbsoluteUri;
                break;
            case BackendSetup.OpenAIClientKeys:
                settings["CLIENT_API_KEYS"] = $"{ClientKey}, {SecondClientKey}";
                break;
            case BackendSetup.KeepAlive:
                settings["STREAM_KEEPALIVE_SECONDS"] = "2";
                settings["STREAM_IDLE_TIMEOUT_SECONDS"] = "30";
                settings["CLIENT_API_KEYS"] = $"{ClientKey}, {SecondClientKey}";
                break;
            case BackendSetup.IdentifiedCallers:
                settings["CLIENT_API_KEYS"] = $"{ClientKey}, {SecondClientKey}";
                settings["TRUST_EASY_AUTH"] = "true";
                settings["WEBSITE_AUTH_ENABLED"] = "true";
                settings["SESSION_MAX_MESSAGES"] = "4";
                break;
            case BackendSetup.Http2Upstream:
                settings["DASHSCOPE_HTTP2"] = "true";
                break;
            case BackendSetup.RestrictedOrigins:
                settings["ALLOWED_ORIGINS"] = "https://app.example, https://admin.example";
                break;
        }

        return settings;
    }
}

using AiChat.Core.DashScope;

namespace AiChat.Core.Hosting;

/// <summary>The process's one HttpClient to DashScope; deadlines are set per call by DashScopeClient, which knows a stream from a completion.</summary>
internal static class DashScopeHttpClient
{
    public const string ServiceKey = "DashScope";

    public static HttpClient Create(IDashScopeKeySource keys) => UpstreamHttpClient.Create(new ApiKeyHandler(keys), connectTimeout: TimeSpan.FromSeconds(10));
}

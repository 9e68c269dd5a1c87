namespace AiChat.Functions.Tests.DashScope;

public sealed class UpstreamHttpVersionTests
{
    [Theory]
    [InlineData(false, "https://dashscope.aliyuncs.com/api/v1", "1.1", HttpVersionPolicy.RequestVersionOrLower)]
    [InlineData(true, "https://dashscope.aliyuncs.com/api/v1", "2.0", HttpVersionPolicy.RequestVersionOrLower)]
    [InlineData(true, "HTTPS://dashscope-intl.aliyuncs.com/compatible-mode/v1", "2.0", HttpVersionPolicy.RequestVersionOrLower)]
    [InlineData(true, "http://127.0.0.1:5005/api/v1", "2.0", HttpVersionPolicy.RequestVersionExact)]
    public void HTTP2_is_negotiated_over_TLS_and_prior_knowledge_in_clear_text(bool http2, string baseUrl, string version, HttpVersionPolicy policy)
    {
        var chosen = UpstreamHttpVersion.For(new AiChatOptions { Http2 = http2, BaseUrl = baseUrl });
        using var message = chosen.Apply(new HttpRequestMessage(HttpMethod.Post, baseUrl));

        Assert.Equal(Version.Parse(version), message.Version);
        Assert.Equal(policy, message.VersionPolicy);
    }
}

using AiChat.Core.Api;

namespace AiChat.Functions.Tests.Api;

public sealed class ChatErrorMapperTests
{
    public static TheoryData<Exception, int, string> Cases => new()
    {
        { new DashScopeException(400, "InvalidParameter", "Role must be user or assistant", "r"), 400, "InvalidParameter" },
        { new DashScopeException(400, "data_inspection_failed", "Input text data may contain inappropriate content.", "r"), 400, "data_inspection_failed" },
        { new DashScopeException(401, "invalid_api_key", "Incorrect API key provided.", "r"), 502, "upstream_auth_failed" },
        { new DashScopeException(403, "AccessDenied.Unpurchased", "Access denied.", "r"), 502, "upstream_auth_failed" },
        { new DashScopeException(404, "model_not_found", "The model `qwen-x` does not exist or you do not have access to it.", "r"), 400, "model_not_found" },
        { new DashScopeException(400, "InvalidParameter", "Model not exist.", "r"), 400, "model_not_found" },
        { new DashScopeException(404, "ModelNotFound", "Model not exist.", "r"), 400, "model_not_found" },
        { new DashScopeException(429, "limit_requests", "You have exceeded your current request limit.", "r"), 429, "rate_limited" },
        { new DashScopeException(429, "Throttling.BurstRate", "Requests rate limit exceeded.", "r"), 429, "rate_limited" },
        { new DashScopeException(500, "InternalError", "An internal error has occurred.", "r"), 502, "upstream_error" },
        { new DashScopeException(503, null, "Model is unavailable, please try again later.", "r"), 503, "model_unavailable" },
        { new DashScopeException(500, "ModelUnavailable", "Model is unavailable.", "r"), 503, "model_unavailable" },
        { new DashScopeException(502, "stream_truncated", "The upstream stream ended early.", "r"), 502, "upstream_error" },
        { new DashScopeException(404, null, "Not Found", "r"), 502, "upstream_error" },
        { new DashScopeKeyUnavailableException("DASHSCOPE_API_KEY is not set."), 503, "upstream_key_unavailable" },
        { new SessionNotFoundException("0123"), 404, "session_not_found" },
        { new SessionStoreUnavailableException(new IOException("Connection refused")), 503, "session_store_unavailable" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Chat_failure_maps_to_the_documented_status_and_code(Exception failure, int status, string code)
    {
        var error = ChatErrorMapper.Map(failure, retryAfterSeconds: 7);

        Assert.NotNull(error);
        Assert.Equal((status, code), (error.Status, error.Code));
        Assert.Equal(status == 429 ? 7 : null, error.RetryAfterSeconds);
    }

    [Fact]
    public void Refused_key_message_does_not_pass_on_the_upstream_text()
    {
        var error = ChatErrorMapper.Map(new DashScopeException(401, "invalid_api_key", "Incorrect API key provided: sk-abc***xyz", "r"), 7);

        Assert.DoesNotContain("sk-abc", error!.Message, StringComparison.Ordinal);
        Assert.Equal("r", error.UpstreamRequestId);
    }

    [Theory]
    [InlineData(typeof(InvalidOperationException))]
    [InlineData(typeof(OperationCanceledException))]
    [InlineData(typeof(TimeoutException))]
    [InlineData(typeof(HttpRequestException))]
    [InlineData(typeof(IOException))]
    public void Failures_that_are_not_chat_failures_are_not_mapped(Type type)
    {
        Assert.Null(ChatErrorMapper.Map((Exception)Activator.CreateInstance(type)!, 7));
    }
}

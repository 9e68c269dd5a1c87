namespace AiChat.Functions.Tests.DashScope;

public sealed class DashScopeErrorReaderTests
{
    [Theory]
    [InlineData("""{"error":{"type":"t"},"code":"c","message":"m2","request_id":"r"}""", 400, "t", "m2", "r")]
    [InlineData("""{"error":{"message":"m"},"code":"c"}""", 400, "c", "m", "header-id")]
    [InlineData("""{"error":{},"request_id":"r"}""", 400, null, "DashScope reported an error without a message.", "r")]
    [InlineData("""{"error":null,"code":null,"message":"m","extra":[{}]}""", 400, null, "m", "header-id")]
    [InlineData("data:{\"code\":\"InvalidApiKey\",\"message\":\"m\"}\n\n", 401, "InvalidApiKey", "m", "header-id")]
    public void An_error_envelope_gives_code_message_and_request_id(string body, int status, string? code, string message, string requestId)
    {
        var error = DashScopeErrorReader.FromResponse(status, Encoding.UTF8.GetBytes(body), "header-id");

        Assert.Equal((status, code, message, requestId), (error.StatusCode, error.Code, error.Message, error.RequestId));
    }

    [Theory]
    [InlineData("""{"code":5,"message":"m"}""")]
    [InlineData("""{"error":"boom"}""")]
    [InlineData("""{"request_id":"r"}""")]
    [InlineData("""{"message":"m"} trailing""")]
    [InlineData("<html>bad gateway</html>")]
    public void A_body_that_is_no_error_envelope_is_reported_as_its_text(string body)
    {
        var error = DashScopeErrorReader.FromResponse(502, Encoding.UTF8.GetBytes(body), "header-id");

        Assert.Equal((502, null, $"DashScope answered HTTP 502: {body}", "header-id"), (error.StatusCode, error.Code, error.Message, error.RequestId));
    }
}

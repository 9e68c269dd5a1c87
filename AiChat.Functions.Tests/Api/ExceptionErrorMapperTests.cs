using AiChat.Core.Api;
using Microsoft.AspNetCore.Http;

namespace AiChat.Functions.Tests.Api;

public sealed class ExceptionErrorMapperTests
{
    [Theory]
    [InlineData(400, "malformed_request")]
    [InlineData(408, "request_timeout")]
    [InlineData(413, "payload_too_large")]
    [InlineData(431, "request_headers_too_large")]
    [InlineData(411, "http_411")]
    public void The_servers_own_request_errors_keep_their_status(int status, string code)
    {
        var error = ExceptionErrorMapper.Map(new BadHttpRequestException("Bad chunk size data.", status));

        Assert.Equal((status, code), (error.Status, error.Code));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void A_malformed_request_is_told_what_the_server_found()
    {
        var error = ExceptionErrorMapper.Map(new BadHttpRequestException("Bad chunk size data.", 400));

        Assert.Contains("Bad chunk size data.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(typeof(InvalidOperationException))]
    [InlineData(typeof(NullReferenceException))]
    [InlineData(typeof(IOException))]
    public void Anything_else_is_a_500_that_says_nothing_of_the_exception(Type type)
    {
        var exception = (Exception)Activator.CreateInstance(type, "secret detail sk-123 at AiChat.Core.Something()")!;

        var error = ExceptionErrorMapper.Map(exception);

        Assert.Equal((500, "internal_error"), (error.Status, error.Code));
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_request_exception_claiming_a_5xx_is_still_a_plain_500()
    {
        var error = ExceptionErrorMapper.Map(new BadHttpRequestException("odd", 503));

        Assert.Equal((500, "internal_error"), (error.Status, error.Code));
    }
}

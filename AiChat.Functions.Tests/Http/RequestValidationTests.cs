using System.Net;
using System.Text;
using AiChat.Functions.Tests.Support;

namespace AiChat.Functions.Tests.Http;

/// <summary>Bad input is refused with a JSON 4xx naming the field, and never reaches the upstream.</summary>
public abstract class RequestValidationTests<TBackend>(TBackend backend) : IClassFixture<TBackend> where TBackend : EmulatedBackend
{
    [Theory]
    [MemberData(nameof(BadChatBodies.All), MemberType = typeof(BadChatBodies))]
    public async Task Bad_body_is_a_400_naming_the_field_and_never_reaches_the_upstream(string body, string field)
    {
        foreach (var path in new[] { "/api/chat/completions", "/api/chat/stream" })
        {
            var before = backend.Emulator.ReceivedRequests;
            using var response = await backend.Client.PostAsync(path, Json.Body(body));
            var error = await Json.ReadAsync(response);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(field, error.GetProperty("field").GetString());
            Assert.Contains(field.Split('[')[0], error.GetProperty("error").GetString());
            Assert.Equal(before, backend.Emulator.ReceivedRequests);
        }
    }

    [Fact]
    public async Task Boundary_values_are_accepted()
    {
        var body = """{"model":"qwen-max","temperature":0,"top_p":1,"max_tokens":8192,"messages":[{"role":"user","content":"hi"}]}""";
        using var response = await backend.Client.PostAsync("/api/chat/completions", Json.Body(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Non_json_content_type_is_a_415_json_error(string contentType)
    {
        var before = backend.Emulator.ReceivedRequests;
        using var response = await backend.Client.PostAsync("/api/chat/completions",
            new StringContent("""{"messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, contentType));
        var error = await Json.ReadAsync(response);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("unsupported_media_type", error.GetProperty("code").GetString());
        Assert.Equal(before, backend.Emulator.ReceivedRequests);
    }

    [Fact]
    public async Task Body_over_one_megabyte_is_a_413_json_error()
    {
        var content = new string('x', 1024 * 1024);
        using var response = await backend.Client.PostAsync("/api/chat/completions", Json.ChatBody(content));
        var error = await Json.ReadAsync(response);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("payload_too_large", error.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Chunked_body_over_the_cap_is_a_413_json_error()
    {
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(new string(' ', 2 * 1024 * 1024) + "{}")));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/chat/stream") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await backend.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("payload_too_large", (await Json.ReadAsync(response)).GetProperty("code").GetString());
    }
}

public sealed class SelfHostRequestValidationTests(NativeBackend backend) : RequestValidationTests<NativeBackend>(backend);

public sealed class FunctionsRequestValidationTests(NativeFunctionsBackend backend) : RequestValidationTests<NativeFunctionsBackend>(backend);

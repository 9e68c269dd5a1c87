using System.Net;
using System.Text;
using AiChat.Functions.Tests.Support;

namespace AiChat.Functions.Tests.Http;

/// <summary>Bad input is refused with a JSON 4xx naming the field, and never reaches the upstream.</summary>
public sealed class RequestValidationTests(NativeBackend backend) : IClassFixture<NativeBackend>
{
    public static TheoryData<string, string> BadBodies => new()
    {
        { """[]""", "body" },
        { """{}""", "messages" },
        { """{"messages":[]}""", "messages" },
        { """{"messages":"hi"}""", "messages" },
        { """{"messages":[{"role":"robot","content":"hi"}]}""", "messages[0].role" },
        { """{"messages":[{"content":"hi"}]}""", "messages[0].role" },
        { """{"messages":[{"role":7,"content":"hi"}]}""", "messages[0].role" },
        { """{"messages":[{"role":"user","content":"hi"},{"role":"user","content":42}]}""", "messages[1].content" },
        { """{"messages":[{"role":"user"}]}""", "messages[0].content" },
        { """{"messages":["hi"]}""", "messages[0]" },
        { """{"model":"gpt-4","messages":[{"role":"user","content":"hi"}]}""", "model" },
        { """{"model":7,"messages":[{"role":"user","content":"hi"}]}""", "model" },
        { """{"temperature":2,"messages":[{"role":"user","content":"hi"}]}""", "temperature" },
        { """{"temperature":-0.1,"messages":[{"role":"user","content":"hi"}]}""", "temperature" },
        { """{"temperature":"hot","messages":[{"role":"user","content":"hi"}]}""", "temperature" },
        { """{"top_p":0,"messages":[{"role":"user","content":"hi"}]}""", "top_p" },
        { """{"top_p":1.5,"messages":[{"role":"user","content":"hi"}]}""", "top_p" },
        { """{"max_tokens":0,"messages":[{"role":"user","content":"hi"}]}""", "max_tokens" },
        { """{"max_tokens":1.5,"messages":[{"role":"user","content":"hi"}]}""", "max_tokens" },
        { """{"model":"qwen-max","max_tokens":8193,"messages":[{"role":"user","content":"hi"}]}""", "max_tokens" },
        { """{"messages":[{"role":"user","content":"hi"}""", "body" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
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

    [Fact]
    public async Task Unknown_route_is_a_404_json_error()
    {
        using var response = await backend.Client.GetAsync("/api/nothing-here");
        var error = await Json.ReadAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not_found", error.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("GET", "/api/chat/completions")]
    [InlineData("GET", "/api/chat/stream")]
    [InlineData("POST", "/api/models")]
    [InlineData("DELETE", "/health")]
    public async Task Wrong_method_is_a_405_json_error(string method, string path)
    {
        using var response = await backend.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        var error = await Json.ReadAsync(response);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("method_not_allowed", error.GetProperty("code").GetString());
    }
}

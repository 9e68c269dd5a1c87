using AiChat.Core.Images;
using AiChat.Functions.Tests.Images;

namespace AiChat.Functions.Tests.DashScope;

public sealed class ImageRequestContentTests
{
    private static readonly byte[] Image = TestImages.Png(40, 30);

    [Fact]
    public async Task A_body_with_an_image_goes_with_its_exact_length_and_the_same_bytes_each_time_it_is_sent()
    {
        using var message = Request(new CompatibleModeProtocol(new Uri("http://dashscope.test/compatible-mode/v1")));

        var first = await SendAsync(message.Content!);
        var second = await SendAsync(message.Content!);

        Assert.Equal(first.Length, message.Content!.Headers.ContentLength);
        Assert.Equal(first, second);
        using var body = JsonDocument.Parse(first);
        var parts = body.RootElement.GetProperty("messages")[0].GetProperty("content");
        Assert.Equal($"data:image/png;base64,{Convert.ToBase64String(Image)}", parts[0].GetProperty("image_url").GetProperty("url").GetString());
        Assert.Equal("what is it? café", parts[1].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Base64_is_written_unescaped_on_the_native_multimodal_endpoint()
    {
        using var message = Request(new NativeProtocol(new Uri("http://dashscope.test/api/v1")), new AiChat.Core.Configuration.ModelInfo { Id = "qwen3.6-plus", Endpoint = "multimodal", ImageInput = true });

        var body = await message.Content!.ReadAsStringAsync();

        Assert.Contains($"\"image\":\"data:image/png;base64,{Convert.ToBase64String(Image)}\"", body, StringComparison.Ordinal);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(body), message.Content.Headers.ContentLength);
    }

    private static HttpRequestMessage Request(IDashScopeProtocol protocol, AiChat.Core.Configuration.ModelInfo? model = null) =>
        protocol.CreateRequest(
            new ChatRequest("qwen3.6-plus", [new ChatMessage("user", "what is it? café") { Images = [new ChatImage("image/png", 40, 30, Image)] }]),
            model, stream: false);

    /// <summary>What a send writes (not buffered, so a second call is a second send, as a retry is).</summary>
    private static async Task<byte[]> SendAsync(HttpContent content)
    {
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy);
        return copy.ToArray();
    }
}

using AiChat.Core.Api;
using AiChat.Core.OpenAI;

namespace AiChat.Functions.Tests.Images;

public sealed class ImagePartsParsingTests
{
    private static readonly AiChatOptions Options = new() { DefaultModel = "qwen-plus", Models = [.. DefaultModelCatalog.Create()] };

    private static readonly string Png = TestImages.DataUrl(TestImages.Png(40, 30));

    [Fact]
    public void Flask_content_may_be_parts_whose_text_is_joined_and_whose_images_are_collected()
    {
        var result = ChatRequestParser.Parse(Json.Parse($$$"""
            {"model":"qwen3.6-plus","messages":[{"role":"user","content":[{"type":"text","text":"What "},{"type":"image_url","image_url":{"url":"{{{Png}}}"}},{"type":"text","text":"is it?"}]}]}
            """), Options);

        Assert.True(result.IsValid);
        Assert.Equal("What is it?", result.Request.Messages[0].Content);
        var part = Assert.Single(result.Images);
        Assert.Equal((0, "messages[0].content[1]"), (part.Message, part.Field));
        Assert.Equal(TestImages.Png(40, 30), part.Data);
    }

    [Fact]
    public void Typed_events_take_an_images_array_beside_the_message()
    {
        var result = ChatRequestParser.Parse(Json.Parse($$$"""{"model":"qwen3.6-plus","message":"what is it?","images":["{{{Png}}}","{{{Png}}}"]}"""), Options, ChatBodyShape.Message);

        Assert.True(result.IsValid);
        Assert.Equal(["images[0]", "images[1]"], result.Images.Select(p => p.Field));
    }

    [Fact]
    public void OpenAI_user_content_parts_carry_images()
    {
        var result = OpenAIChatRequestParser.Parse(Json.Parse($$$"""
            {"model":"qwen3-vl-plus","messages":[{"role":"system","content":"s"},{"role":"user","content":[{"type":"image_url","image_url":{"url":"{{{Png}}}","detail":"high"}},{"type":"text","text":"hi"}]}]}
            """), Options);

        Assert.True(result.IsValid);
        Assert.Equal("messages[1].content[0]", Assert.Single(result.Images).Field);
    }

    [Fact]
    public void An_image_for_a_text_only_model_is_refused_naming_the_part_and_the_model()
    {
        var error = FlaskError($$$"""{"model":"qwen-plus","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"{{{Png}}}"}}]}]}""");

        Assert.Equal(("invalid_image", "messages[0].content[0]"), (error.Code, error.Field));
        Assert.Contains("qwen-plus", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_https_url_is_refused_unless_allowed()
    {
        var body = """{"model":"qwen3.6-plus","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"https://example.com/a.png"}}]}]}""";

        var error = FlaskError(body);
        var allowed = ChatRequestParser.Parse(Json.Parse(body), Options, imageOptions: new ImageOptions { AllowImageUrls = true });

        Assert.Equal(("image_url_not_allowed", "messages[0].content[0]"), (error.Code, error.Field));
        Assert.True(allowed.IsValid);
        Assert.Equal("https://example.com/a.png", Assert.Single(allowed.Images).Url);
    }

    [Theory]
    [InlineData("data:image/png;base64,@@@@", "not base64")]
    [InlineData("data:image/png,abcd", "data:<type>;base64")]
    [InlineData("data:image/svg+xml;base64,PHN2Zz4=", "SVG")]
    [InlineData("file:///etc/passwd", "data URL")]
    [InlineData("oss://bucket/key", "data URL")]
    public void Malformed_image_urls_are_refused_naming_the_part(string url, string why)
    {
        var error = FlaskError($$$"""{"model":"qwen3.6-plus","messages":[{"role":"user","content":[{"type":"text","text":"t"},{"type":"image_url","image_url":{"url":"{{{url}}}"}}]}]}""");

        Assert.Equal(("invalid_image", "messages[0].content[1]"), (error.Code, error.Field));
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_images_than_the_setting_are_refused_at_the_first_one_too_many()
    {
        var parts = string.Join(',', Enumerable.Repeat($$$"""{"type":"image_url","image_url":{"url":"{{{Png}}}"}}""", 3));
        var result = ChatRequestParser.Parse(Json.Parse($$$"""{"model":"qwen3.6-plus","messages":[{"role":"user","content":[{{{parts}}}]}]}"""), Options,
            imageOptions: new ImageOptions { MaxImagesPerRequest = 2 });

        Assert.False(result.IsValid);
        Assert.Equal(("messages[0].content[2]", "MAX_IMAGES_PER_REQUEST"), (result.Error.Field, result.Error.Limit));
    }

    [Fact]
    public void An_image_over_the_byte_cap_is_refused_before_it_is_decoded()
    {
        var big = TestImages.DataUrl(new byte[5000]);
        var result = ChatRequestParser.Parse(Json.Parse($$$"""{"model":"qwen3.6-plus","message":"m","images":["{{{big}}}"]}"""), Options, ChatBodyShape.Message, stream: true,
            new ImageOptions { MaxImageBytes = 4096 });

        Assert.False(result.IsValid);
        Assert.Equal(("images[0]", "MAX_IMAGE_BYTES"), (result.Error.Field, result.Error.Limit));
    }

    [Fact]
    public void Image_urls_do_not_count_against_the_text_cap_but_text_does()
    {
        var options = new AiChatOptions { DefaultModel = "qwen-plus", Models = [.. DefaultModelCatalog.Create()], MaxRequestBodyBytes = 2048 };
        var image = TestImages.DataUrl(TestImages.Png(200, 200));
        var withImage = ChatRequestParser.Parse(Json.Parse($$$"""{"model":"qwen3.6-plus","message":"m","images":["{{{image}}}","{{{image}}}"]}"""), options, ChatBodyShape.Message);
        var longText = ChatRequestParser.Parse(Json.Parse($$$"""{"model":"qwen3.6-plus","message":"{{{new string('x', 3000)}}}","images":["{{{image}}}"]}"""), options, ChatBodyShape.Message);

        Assert.True(withImage.IsValid);
        Assert.False(longText.IsValid);
        Assert.Equal((413, "MAX_REQUEST_BODY_BYTES"), (longText.Error.Status, longText.Error.Limit));
    }

    [Fact]
    public void A_part_of_unknown_type_is_refused()
    {
        var error = FlaskError("""{"model":"qwen3.6-plus","messages":[{"role":"user","content":[{"type":"input_audio","input_audio":{}}]}]}""");

        Assert.Equal("messages[0].content[0]", error.Field);
    }

    private static ApiError FlaskError(string body)
    {
        var result = ChatRequestParser.Parse(Json.Parse(body), Options);
        Assert.False(result.IsValid);
        return result.Error;
    }
}

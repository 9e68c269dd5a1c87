using AiChat.Functions.Tests.Images;

namespace AiChat.Functions.Tests.Hosts.Images;

/// <summary>
/// Images through every chat route, over both hosts and both DashScope protocols, against the emulator, which
/// checks them as DashScope does and answers with what arrived: count, format, dimensions, metadata.
/// </summary>
public sealed class ImageChatTests(EmulatedBackend backend) : IClassFixture<EmulatedBackend>
{
    public static BackendMatrix Matrix => BackendMatrix.EveryHost.WithBothProtocols().WithSetup(BackendSetup.OpenAIClientKeys);

    private const string VisionModel = "qwen3.6-plus";

    private static readonly string Png = TestImages.DataUrl(TestImages.Png(40, 30));

    private static readonly string Jpeg = TestImages.DataUrl(TestImages.Jpeg(64, 48), "image/jpeg");

    [Theory]
    [MatrixData("/v1/chat/completions")]
    [MatrixData("/api/chat/completions")]
    [MatrixData("/api/chat/stream")]
    [MatrixData("/api/chat/events")]
    public async Task A_png_and_a_jpeg_reach_the_model_and_the_answer_names_their_dimensions(BackendVariant on, string route)
    {
        await backend.UseAsync(on);
        var marker = $"look-{Guid.NewGuid():N}";

        using var response = await ImageRequests.PostAsync(backend.Client, route, ImageRequests.Body(route, VisionModel, marker, [Png, Jpeg]));
        var (answer, _) = await ImageRequests.AnswerAsync(response, route);

        Assert.Contains("[images: 2; png 40x30 no-metadata; jpeg 64x48 no-metadata]", answer, StringComparison.Ordinal);
        var received = Assert.Single(backend.RequestsWith(marker));
        Assert.Equal(["png", "jpeg"], received.Messages[^1].Images!.Select(i => i.Format));
    }

    [Theory, MatrixData]
    public async Task The_exif_gps_block_of_a_photo_does_not_reach_the_model(BackendVariant on)
    {
        await backend.UseAsync(on);
        var marker = $"gps-{Guid.NewGuid():N}";
        var photo = TestImages.DataUrl(TestImages.JpegWithGps(64, 48), "image/jpeg");

        using var response = await ImageRequests.PostAsync(backend.Client, "/api/chat/completions", ImageRequests.Body("/api/chat/completions", VisionModel, marker, [photo]));
        var (answer, _) = await ImageRequests.AnswerAsync(response, "/api/chat/completions");

        Assert.Contains("jpeg 64x48 no-metadata", answer, StringComparison.Ordinal);
        var received = Assert.Single(backend.RequestsWith(marker));
        Assert.False(received.Messages[^1].Images![0].HasMetadata);
        Assert.DoesNotContain("AICHAT-GPS", received.Body, StringComparison.Ordinal);
    }

    [Theory, MatrixData]
    public async Task A_photo_stored_turned_reaches_the_model_upright(BackendVariant on)
    {
        await backend.UseAsync(on);
        var marker = $"turned-{Guid.NewGuid():N}";
        var photo = TestImages.DataUrl(TestImages.JpegWithOrientation(64, 48, orientation: 6), "image/jpeg");

        using var response = await ImageRequests.PostAsync(backend.Client, "/api/chat/completions", ImageRequests.Body("/api/chat/completions", VisionModel, marker, [photo]));
        var (answer, _) = await ImageRequests.AnswerAsync(response, "/api/chat/completions");

        Assert.Contains("jpeg 48x64 no-metadata", answer, StringComparison.Ordinal);
    }

    [Theory, MatrixData]
    public async Task A_follow_up_turn_in_a_session_sends_the_image_again(BackendVariant on)
    {
        await backend.UseAsync(on);
        var first = $"first-{Guid.NewGuid():N}";
        var second = $"second-{Guid.NewGuid():N}";

        using var opening = await ImageRequests.PostAsync(backend.Client, "/api/chat/events", ImageRequests.Body("/api/chat/events", VisionModel, first, [Png]));
        var (_, sessionId) = await ImageRequests.AnswerAsync(opening, "/api/chat/events");
        using var followUp = await ImageRequests.PostAsync(backend.Client, "/api/chat/events", ImageRequests.Body("/api/chat/events", VisionModel, second, [], sessionId));
        var (answer, _) = await ImageRequests.AnswerAsync(followUp, "/api/chat/events");

        Assert.Contains("[images: 1; png 40x30 no-metadata]", answer, StringComparison.Ordinal);
        var received = Assert.Single(backend.RequestsWith(second));
        Assert.Equal(40, received.Messages.Single(m => m.Images is not null).Images![0].Width);
    }

    [Theory, MatrixData]
    public async Task Image_tokens_are_counted_in_the_usage(BackendVariant on)
    {
        await backend.UseAsync(on);
        using var text = await ImageRequests.PostAsync(backend.Client, "/api/chat/completions", ImageRequests.Body("/api/chat/completions", VisionModel, "same words", []));
        using var withImage = await ImageRequests.PostAsync(backend.Client, "/api/chat/completions", ImageRequests.Body("/api/chat/completions", VisionModel, "same words", [TestImages.DataUrl(TestImages.Png(320, 64))]));

        var plain = (await Json.ReadAsync(text)).GetProperty("usage").GetProperty("prompt_tokens").GetInt32();
        var seen = (await Json.ReadAsync(withImage)).GetProperty("usage").GetProperty("prompt_tokens").GetInt32();

        // 320x64 is 10 x 2 tiles of 32 px, plus 2.
        Assert.Equal(plain + 22, seen);
    }

    public static TheoryData<string, string, string> BadImages => new()
    {
        { "not base64", "data:image/png;base64,@@not-base64@@", "not base64" },
        { "not an image", TestImages.DataUrl("just some text, no pixels"u8.ToArray()), "not a jpeg, png, webp or gif" },
        { "100000 x 100000 header", TestImages.DataUrl(TestImages.PngDeclaring(100_000, 100_000)), "100000x100000" },
        { "9 px wide", TestImages.DataUrl(TestImages.Png(9, 100)), "at least 10" },
        { "201:1", TestImages.DataUrl(TestImages.Png(2010, 10)), "200 times" },
        { "an svg", TestImages.DataUrl(TestImages.Svg(), "image/svg+xml"), "SVG" },
        { "truncated", TestImages.DataUrl(TestImages.Truncated(TestImages.Jpeg(300, 300)), "image/jpeg"), "truncated" },
    };

    [Theory]
    [MatrixData("/api/chat/completions")]
    [MatrixData("/v1/chat/completions")]
    [MatrixData("/api/chat/events")]
    public async Task Each_bad_image_is_a_400_naming_the_part_with_nothing_upstream(BackendVariant on, string route)
    {
        await backend.UseAsync(on);
        foreach (var row in BadImages)
        {
            var (name, url, why) = ((string)row[0], (string)row[1], (string)row[2]);
            var marker = $"bad-{Guid.NewGuid():N}";

            using var response = await ImageRequests.PostAsync(backend.Client, route, ImageRequests.Body(route, VisionModel, marker, [Png, url]));
            var (field, code, message) = await ErrorAsync(response, route);

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {response.StatusCode}");
            Assert.Equal(route == "/api/chat/events" ? "images[1]" : "messages[0].content[2]", field);
            Assert.Equal("invalid_image", code);
            Assert.Contains(why, message, StringComparison.Ordinal);
            Assert.Empty(backend.RequestsWith(marker));
        }
    }

    [Theory, MatrixData]
    public async Task An_https_url_an_image_over_the_cap_too_many_images_and_an_image_to_a_text_model_are_refused(BackendVariant on)
    {
        await backend.UseAsync(on);
        const string route = "/api/chat/completions";
        var marker = $"refused-{Guid.NewGuid():N}";
        var overCap = TestImages.DataUrl(new byte[(7 * 1024 * 1024) + 3]);

        using var url = await ImageRequests.PostAsync(backend.Client, route, ImageRequests.Body(route, VisionModel, marker, ["https://example.com/cat.png"]));
        using var big = await ImageRequests.PostAsync(backend.Client, route, ImageRequests.Body(route, VisionModel, marker, [overCap]));
        using var many = await ImageRequests.PostAsync(backend.Client, route, ImageRequests.Body(route, VisionModel, marker, Enumerable.Repeat(Png, 9)));
        using var textModel = await ImageRequests.PostAsync(backend.Client, route, ImageRequests.Body(route, "qwen-plus", marker, [Png]));

        Assert.Equal(("messages[0].content[1]", "image_url_not_allowed"), await FieldAndCodeAsync(url, route));
        Assert.Equal(("messages[0].content[1]", "invalid_image"), await FieldAndCodeAsync(big, route));
        Assert.Equal(("messages[0].content[9]", "invalid_image"), await FieldAndCodeAsync(many, route));
        var (field, code, message) = await ErrorAsync(textModel, route);
        Assert.Equal(("messages[0].content[1]", "invalid_image"), (field, code));
        Assert.Contains("qwen-plus", message, StringComparison.Ordinal);
        Assert.All([url, big, many, textModel], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Empty(backend.RequestsWith(marker));
    }

    private static async Task<(string? Field, string? Code)> FieldAndCodeAsync(HttpResponseMessage response, string route)
    {
        var (field, code, _) = await ErrorAsync(response, route);
        return (field, code);
    }

    private static async Task<(string? Field, string? Code, string Message)> ErrorAsync(HttpResponseMessage response, string route)
    {
        var body = await Json.ReadAsync(response);
        if (route.StartsWith("/v1/", StringComparison.Ordinal))
        {
            var error = body.GetProperty("error");
            return (error.GetProperty("param").GetString(), error.GetProperty("code").GetString(), error.GetProperty("message").GetString()!);
        }

        return (body.GetProperty("field").GetString(), body.GetProperty("code").GetString(), body.GetProperty("error").GetString()!);
    }
}

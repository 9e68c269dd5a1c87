using AiChat.Functions.Tests.Images;

namespace AiChat.Functions.Tests.Hosts.Browser;

/// <summary>Images on the chat page: attached or pasted, shown as removable thumbnails, sent with the message.</summary>
public sealed class ChatPageImageTests(ChatPageFixture fixture) : IClassFixture<ChatPageFixture>
{
    [Fact]
    public async Task Attached_image_goes_with_the_message_and_shows_in_the_conversation()
    {
        var page = await fixture.OpenPageAsync();
        await page.GetByLabel("Model").SelectOptionAsync("qwen3.6-plus");
        var marker = Guid.NewGuid().ToString("N");

        await page.GetByLabel("Attach images").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "first.png", MimeType = "image/png", Buffer = TestImages.Png(32, 24) },
            new FilePayload { Name = "second.png", MimeType = "image/png", Buffer = TestImages.Png(50, 40) },
        });
        var pending = page.GetByRole(AriaRole.List, new() { Name = "Images to send" }).Locator("img");
        await Expect(pending).ToHaveCountAsync(2);
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove image 2" }).ClickAsync();
        await Expect(pending).ToHaveCountAsync(1);
        await page.GetByLabel("Message").FillAsync($"what is this? {marker}");
        await page.GetByLabel("Message").PressAsync("Enter");

        var answer = page.Locator("#messages li.assistant");
        await Expect(answer).Not.ToHaveAttributeAsync("aria-busy", "true");
        await Expect(answer.Locator(".text")).ToContainTextAsync("[images: 1; png 32x24 no-metadata]");
        await Expect(pending).ToHaveCountAsync(0);
        var sent = page.Locator("#messages li.user img.thumbnail");
        await Expect(sent).ToHaveCountAsync(1);
        await Expect(sent).ToHaveAttributeAsync("src", new Regex("^data:image/png;base64,"));
        // Decoded and painted: the page's Content-Security-Policy lets a data: thumbnail show.
        Assert.Equal(32, await sent.EvaluateAsync<int>("img => img.decode().then(() => img.naturalWidth)"));
        Assert.Single(Assert.Single(fixture.RequestsWith(marker)).Messages[^1].Images ?? []);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Pasted_image_is_refused_in_words_for_a_text_model_and_by_the_server_when_too_small()
    {
        var page = await fixture.OpenPageAsync();
        await Expect(page.Locator("#model option[value='qwen-plus']")).ToHaveCountAsync(1);
        await page.GetByLabel("Model").SelectOptionAsync("qwen-plus");
        var marker = Guid.NewGuid().ToString("N");
        var tiny = Convert.ToBase64String(TestImages.Png(5, 5));
        await page.GetByLabel("Message").FillAsync($"and this? {marker}");

        await page.GetByLabel("Message").EvaluateAsync("""
            (box, base64) => {
              const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
              const clipboard = new DataTransfer();
              clipboard.items.add(new File([bytes], "pasted.png", { type: "image/png" }));
              box.dispatchEvent(new ClipboardEvent("paste", { clipboardData: clipboard, bubbles: true, cancelable: true }));
            }
            """, tiny);
        var pending = page.GetByRole(AriaRole.List, new() { Name = "Images to send" }).Locator("img");
        await Expect(pending).ToHaveCountAsync(1);
        await page.GetByLabel("Message").PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("does not read images");
        await Expect(page.Locator("#messages li")).ToHaveCountAsync(0);
        await page.GetByLabel("Model").SelectOptionAsync("qwen3.6-plus");
        await page.GetByLabel("Message").PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(new Regex(@"^The image was refused: .*images\[0\]"));
        await Expect(page.Locator("#messages li.assistant")).ToHaveCountAsync(0);
        await Expect(pending).ToHaveCountAsync(1);
        Assert.Empty(fixture.RequestsWith(marker));
        await page.Context.CloseAsync();
    }
}

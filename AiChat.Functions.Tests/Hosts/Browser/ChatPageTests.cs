namespace AiChat.Functions.Tests.Hosts.Browser;

/// <summary>The chat page at <c>/</c> in a real browser (Debian's chromium), against the self-host and the emulators.</summary>
public sealed partial class ChatPageTests(ChatPageFixture fixture) : IClassFixture<ChatPageFixture>
{
    [Fact]
    public async Task Page_loads_its_models_with_no_console_error()
    {
        var errors = new List<string>();
        var page = await fixture.OpenPageAsync(beforeLoad: p =>
        {
            p.Console += (_, message) => { if (message.Type == "error") { errors.Add(message.Text); } };
            p.PageError += (_, error) => errors.Add(error);
        });

        await Expect(page.Locator("#model option[value='qwen-plus']")).ToHaveCountAsync(1);
        await Expect(page.GetByLabel("Message")).ToBeVisibleAsync();
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Page_is_served_with_its_security_headers_and_ignores_an_api_origin_it_does_not_list()
    {
        using var http = new HttpClient { BaseAddress = fixture.Address };
        foreach (var path in new[] { "/", "/app.js", "/app.css", "/chat-page.json" })
        {
            using var response = await http.GetAsync(path);
            var policy = string.Join(", ", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        }

        var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var requested = new List<string>();
        page.Request += (_, request) => requested.Add(request.Url);
        await page.GotoAsync(new Uri(fixture.Address, "/?api=https://elsewhere.example").AbsoluteUri);

        await Expect(page.Locator("#model option[value='qwen-plus']")).ToHaveCountAsync(1);
        var origin = fixture.Address.GetLeftPart(UriPartial.Authority);
        await Expect(page.Locator("#api-origin")).ToHaveTextAsync($"API: {origin}");
        Assert.All(requested, url => Assert.Equal(origin, new Uri(url).GetLeftPart(UriPartial.Authority)));
        Assert.Contains(origin + "/api/models", requested);
        await context.CloseAsync();
    }

    [Fact]
    public async Task Answer_streams_in_over_several_paint_frames()
    {
        var page = await fixture.OpenPageAsync();
        await page.EvaluateAsync("""
            () => {
              window.answerStates = [];
              const watch = () => {
                const answer = document.querySelector("#messages li.assistant:last-of-type");
                const text = answer ? answer.textContent : "";
                if (text && window.answerStates.at(-1) !== text) window.answerStates.push(text);
                requestAnimationFrame(watch);
              };
              requestAnimationFrame(watch);
            }
            """);

        var answer = await ChatPage.SendAsync(page, "one two three four five [[chunk-delay-ms:80]]");

        await Expect(answer).ToHaveTextAsync("You said: one two three four five");
        var states = await page.EvaluateAsync<string[]>("() => window.answerStates");
        Assert.True(states.Length >= 4, $"The answer appeared in {states.Length} painted states: {string.Join(" | ", states)}");
        Assert.Equal("You said: one two three four five", states[^1]);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Page_fits_a_phone_width_and_works_from_the_keyboard_alone()
    {
        var page = await fixture.OpenPageAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 360, Height = 740 }, HasTouch = true });
        await Expect(page.Locator("#model option")).Not.ToHaveCountAsync(0);

        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at 360 px");
        var focused = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            focused.Add(await page.EvaluateAsync<string>("() => document.activeElement.id"));
        }

        Assert.Equal(["model", "share-location", "new-chat", "message"], focused);
        await page.Keyboard.TypeAsync("typed only");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#messages li.assistant")).ToHaveTextAsync("You said: typed only");
        await Expect(page.GetByLabel("Message")).ToBeFocusedAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the answer makes the page scroll sideways at 360 px");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Stop_ends_the_answer_and_the_upstream_call_is_aborted()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var page = await fixture.OpenPageAsync();
        var abortedBefore = fixture.Emulator.AbortedRequests;

        var answer = await ChatPage.SendAsync(page, "a b c d e f g h i j k l [[chunk-delay-ms:500]]", waitForEnd: false);
        await Expect(answer).ToContainTextAsync("You");
        await page.GetByRole(AriaRole.Button, new() { Name = "Stop" }).ClickAsync();

        await Expect(answer).ToHaveClassAsync(new Regex(@"\bstopped\b"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Stop" })).ToBeDisabledAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send" })).ToBeEnabledAsync();
        await fixture.Emulator.WaitForAbortedRequestsAsync(abortedBefore + 1, patience.Token);
        Assert.NotEqual("You said: a b c d e f g h i j k l", await answer.TextContentAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Second_message_continues_the_session_and_new_chat_starts_another()
    {
        var page = await fixture.OpenPageAsync();
        var marker = Guid.NewGuid().ToString("N");
        var firstReply = await (await ChatPage.SendAsync(page, "my name is Ada")).TextContentAsync() ?? "";

        await ChatPage.SendAsync(page, $"what is my name? {marker}");
        await page.GetByRole(AriaRole.Button, new() { Name = "New chat" }).ClickAsync();
        var freshMarker = Guid.NewGuid().ToString("N");
        await ChatPage.SendAsync(page, $"fresh {freshMarker}");

        Assert.Equal(
            [("user", "my name is Ada"), ("assistant", firstReply), ("user", $"what is my name? {marker}")],
            Assert.Single(fixture.RequestsWith(marker)).Messages.Where(m => m.Role != "system").Select(m => (m.Role, m.Content)));
        Assert.Equal([("user", $"fresh {freshMarker}")],
            Assert.Single(fixture.RequestsWith(freshMarker)).Messages.Where(m => m.Role != "system").Select(m => (m.Role, m.Content)));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Weather_question_shows_tool_progress_and_the_weather_card()
    {
        var page = await fixture.OpenPageAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1100, Height = 640 } });

        var answer = await ChatPage.SendAsync(page, "北京今天天气怎么样？");

        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Weather" })).ToContainTextAsync("北京市 weather");
        await Expect(page.Locator("#weather .live")).ToContainTextAsync("°C");
        await Expect(page.Locator("#tool-status li")).ToHaveTextAsync(["get_weather: done (1)"]);
        Assert.False(string.IsNullOrWhiteSpace(await answer.TextContentAsync()));
        // The picture of the page in docs/chat-page.md, remade by every run so it shows what the page does now.
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryRoot(), "docs", "chat-page-weather.png") });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Places_question_lists_the_places_and_fits_their_markers_on_the_map()
    {
        var page = await fixture.OpenPageAsync();

        await ChatPage.SendAsync(page, "北京哪里有咖啡馆？");

        var markers = page.Locator("#map g.marker");
        await Expect(markers).ToHaveCountAsync(2);
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Places" }).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);
        await Expect(page.Locator("#places")).ToContainTextAsync("星巴克(望京SOHO店)");
        var positions = await page.EvaluateAsync<double[][]>("""
            () => [...document.querySelectorAll("#map g.marker")].map(g => g.getAttribute("transform").match(/-?[\d.]+/g).map(Number))
            """);
        Assert.All(positions, p => Assert.True(p[0] is >= 0 and <= 400 && p[1] is >= 0 and <= 300, $"marker at {p[0]},{p[1]} is outside the map"));
        Assert.NotEqual(positions[0], positions[1]);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Shared_location_goes_as_client_context_and_nearby_places_come_back_on_the_map()
    {
        var page = await fixture.OpenPageAsync(new BrowserNewContextOptions
        {
            Geolocation = new() { Longitude = 116.4811f, Latitude = 39.9896f, Accuracy = 35 },
            Permissions = ["geolocation"],
        });
        var marker = Guid.NewGuid().ToString("N");

        await page.GetByLabel("Send my location").CheckAsync();
        await Expect(page.Locator("#location-status")).ToHaveTextAsync("located (±35 m)");
        await ChatPage.SendAsync(page, $"附近有什么咖啡馆？ {marker}");

        await Expect(page.Locator("#map g.marker")).Not.ToHaveCountAsync(0);
        await Expect(page.Locator("#tool-status li")).ToHaveTextAsync([new Regex("^search_places: done")]);
        var upstream = fixture.RequestsWith(marker)[0];
        Assert.Contains(upstream.Messages, m => m.Role == "system" && m.Content.StartsWith("用户当前位于北京", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Upstream_rate_limit_shows_the_wait_from_retry_after()
    {
        using var client = new HttpClient { BaseAddress = fixture.Address };
        using var direct = await client.PostAsync("/api/chat/events", Json.Body("""{"message":"hi [[fault:rate-limit-requests]]"}"""));
        var wait = direct.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
        var page = await fixture.OpenPageAsync();

        await ChatPage.SendAsync(page, "hi [[fault:rate-limit-requests]]", waitForEnd: false);

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync($"Too many requests: please wait {wait} second");
        await Expect(page.Locator("#messages li.assistant")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Unavailable_model_shows_the_reason()
    {
        var page = await fixture.OpenPageAsync();

        await ChatPage.SendAsync(page, "hi [[fault:model-unavailable]]", waitForEnd: false);

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(UnavailableMessage());
        await page.Context.CloseAsync();
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory.FullName, "AiChat.sln")))
        {
            directory = directory.Parent ?? throw new InvalidOperationException("AiChat.sln not found above the test output.");
        }

        return directory.FullName;
    }

    [GeneratedRegex(@"^The service is unavailable: \S")]
    private static partial Regex UnavailableMessage();
}

namespace AiChat.Functions.Tests.Hosts.Browser;

/// <summary>
/// The self-host on loopback with the geo assistant on, in front of the DashScope and AMap emulators, and one
/// headless Debian chromium (/usr/bin/chromium, installed by .ci/run) driven by Playwright, shared by a test class.
/// </summary>
public class ChatPageFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright _playwright = null!;
    private AMapEmulator _amap = null!;
    private AiChatApplication _app = null!;

    public DashScopeEmulator Emulator { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public Uri Address => _app.Address;

    /// <summary>Settings on top of the upstreams' and the geo assistant's, for a fixture that needs other limits.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"The browser tests need Debian's chromium at {ChromiumPath}: apt-get install chromium (.ci/run does).");
        }

        Emulator = await DashScopeEmulator.StartAsync(new EmulatorOptions { ApiKey = EmulatedBackend.ApiKey });
        _amap = await AMapEmulator.StartAsync();
        _app = AiChatApplication.Start(Emulator, "/compatible-mode/v1", new Dictionary<string, string?>
        {
            ["GEO_ASSISTANT"] = "on",
            ["AMAP_BASE_URL"] = _amap.Address.AbsoluteUri,
            ["AMAP_API_KEY"] = "amap-browser-test-key",
        }.Concat(Settings).ToDictionary());
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context (no shared storage) with the page open at the self-host's <c>/</c>.</summary>
    public async Task<IPage> OpenPageAsync(BrowserNewContextOptions? options = null, Action<IPage>? beforeLoad = null)
    {
        var context = await Browser.NewContextAsync(options ?? new BrowserNewContextOptions());
        var page = await context.NewPageAsync();
        beforeLoad?.Invoke(page);
        await page.GotoAsync(Address.AbsoluteUri);
        return page;
    }

    /// <summary>The emulator's requests whose last user message contains <paramref name="marker"/>.</summary>
    public IReadOnlyList<ReceivedChatRequest> RequestsWith(string marker) =>
        [.. Emulator.Requests.Where(r => r.Messages.Count > 0 && r.Messages[^1].Content.Contains(marker, StringComparison.Ordinal))];

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _app.DisposeAsync();
        await _amap.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}

namespace AiChat.Functions.Tests.Hosts.Hosting;

/// <summary>The self-host with KEY_VAULT_URI set: its DashScope key read from a fake vault by the real SecretClient.</summary>
public sealed class KeyVaultTests
{
    private const string VaultKey = "sk-vault-7c1e0f9a2b3d4c5e6f708192a3b4c5d6";
    private const string NewVaultKey = "sk-vault-rotated-0a9b8c7d6e5f40312233445566778899";

    [Fact]
    public async Task Key_comes_from_the_vault_once_for_many_calls_and_wins_over_DASHSCOPE_API_KEY()
    {
        var vault = new FakeKeyVault(FakeKeyVault.Secret(VaultKey));
        await using var emulator = await DashScopeEmulator.StartAsync(new EmulatorOptions { ApiKey = VaultKey });
        await using var app = AiChatApplication.Start(emulator, "/compatible-mode/v1", VaultSettings(vault, ("DASHSCOPE_API_KEY", "sk-configured-but-not-used")), vault.Replace);
        using var client = app.CreateClient();

        var health = await Json.ReadAsync(await client.GetAsync("/health"));
        List<string> bodies = [];
        foreach (var path in new[] { "/api/chat/completions", "/api/chat/stream", "/api/chat/completions", "/api/chat/stream", "/api/chat/completions" })
        {
            using var response = await client.PostAsync(path, Json.ChatBody("hi"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            bodies.Add(await response.Content.ReadAsStringAsync());
        }

        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal("key_vault", health.GetProperty("upstream").GetProperty("api_key_source").GetString());
        Assert.Equal(1, vault.SecretReads);
        Assert.All(emulator.Requests, request => Assert.Equal($"Bearer {VaultKey}", request.Authorization));
        Assert.Equal(5, emulator.Requests.Count);
        AssertKeyNowhere(VaultKey, app, bodies);
    }

    // The native protocol refuses a stream's key in one of three shapes; the emulator's default is an HTTP 200 event stream.
    [Theory]
    [InlineData("/api/chat/completions", "/compatible-mode/v1", "")]
    [InlineData("/api/chat/completions", "/api/v1", "")]
    [InlineData("/api/chat/stream", "/compatible-mode/v1", "")]
    [InlineData("/api/chat/stream", "/api/v1", "")]
    [InlineData("/api/chat/stream", "/api/v1", "[[native-stream-error:sse]]")]
    [InlineData("/api/chat/stream", "/api/v1", "[[native-stream-error:json]]")]
    public async Task Rotated_key_is_read_again_once_when_DashScope_refuses_the_old_one_and_the_call_succeeds(string path, string basePath, string shape)
    {
        var vault = new FakeKeyVault(FakeKeyVault.Secret(VaultKey), FakeKeyVault.Secret(NewVaultKey));
        await using var emulator = await DashScopeEmulator.StartAsync(new EmulatorOptions { ApiKey = NewVaultKey });
        await using var app = AiChatApplication.Start(emulator, basePath, VaultSettings(vault), vault.Replace);
        using var client = app.CreateClient();

        using var rotated = await client.PostAsync(path, Json.ChatBody($"first {shape}"));
        var rotatedBody = await rotated.Content.ReadAsStringAsync();
        using var next = await client.PostAsync(path, Json.ChatBody("second"));
        var nextBody = await next.Content.ReadAsStringAsync();

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (rotated.StatusCode, next.StatusCode));
        Assert.Contains("first", rotatedBody, StringComparison.Ordinal);
        Assert.Equal([$"Bearer {VaultKey}", $"Bearer {NewVaultKey}", $"Bearer {NewVaultKey}"], emulator.Requests.Select(r => r.Authorization));
        Assert.Equal(2, vault.SecretReads);
        AssertKeyNowhere(VaultKey, app, [rotatedBody, nextBody]);
        AssertKeyNowhere(NewVaultKey, app, [rotatedBody, nextBody]);
    }

    [Theory]
    [InlineData("/api/chat/completions", "/compatible-mode/v1")]
    [InlineData("/api/chat/stream", "/api/v1")]
    public async Task Refused_key_with_nothing_newer_in_the_vault_is_not_sent_again(string path, string basePath)
    {
        var vault = new FakeKeyVault(FakeKeyVault.Secret(VaultKey));
        await using var emulator = await DashScopeEmulator.StartAsync(new EmulatorOptions { ApiKey = NewVaultKey });
        await using var app = AiChatApplication.Start(emulator, basePath, VaultSettings(vault), vault.Replace);
        using var client = app.CreateClient();

        using var response = await client.PostAsync(path, Json.ChatBody("hi"));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("upstream_auth_failed", (await Json.ReadAsync(response)).GetProperty("code").GetString());
        Assert.Equal((1, 2), (emulator.ReceivedRequests, vault.SecretReads));
    }

    public static TheoryData<string, string> Failures => new()
    {
        { "forbidden", "HTTP 403" },
        { "missing", "HTTP 404" },
        { "unreachable", "could not be reached" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Vault_failure_keeps_health_up_saying_which_and_answers_chat_with_503(string failure, string said)
    {
        var vault = new FakeKeyVault(failure switch
        {
            "forbidden" => FakeKeyVault.Forbidden,
            "unreachable" => FakeKeyVault.Unreachable,
            _ => FakeKeyVault.Secret(VaultKey),
        });
        await using var emulator = await DashScopeEmulator.StartAsync(new EmulatorOptions { ApiKey = VaultKey });
        var settings = failure == "missing" ? VaultSettings(vault, ("DASHSCOPE_API_KEY_SECRET_NAME", "NotThere")) : VaultSettings(vault);
        await using var app = AiChatApplication.Start(emulator, "/api/v1", settings, vault.Replace);
        using var client = app.CreateClient();

        var answers = await ChatUnavailable.AssertAsync(client, said);

        Assert.Equal(0, emulator.ReceivedRequests);
        Assert.Contains(app.LogLines, line => line.Contains("Health degraded", StringComparison.Ordinal) && line.Contains(said, StringComparison.Ordinal));
        AssertKeyNowhere(VaultKey, app, answers);
    }

    [Fact]
    public async Task Access_granted_after_a_403_is_picked_up_without_a_restart()
    {
        var vault = new FakeKeyVault(FakeKeyVault.Forbidden, FakeKeyVault.Secret(VaultKey));
        var clock = new ManualTimeProvider();
        await using var emulator = await DashScopeEmulator.StartAsync(new EmulatorOptions { ApiKey = VaultKey });
        await using var app = AiChatApplication.Start(emulator, "/api/v1", VaultSettings(vault), services =>
        {
            vault.Replace(services);
            services.AddSingleton<TimeProvider>(clock);
        });
        using var client = app.CreateClient();

        using var refused = await client.PostAsync("/api/chat/completions", Json.ChatBody("hi"));
        using var backingOff = await client.PostAsync("/api/chat/completions", Json.ChatBody("hi"));
        clock.Advance(TimeSpan.FromSeconds(2));
        using var granted = await client.PostAsync("/api/chat/completions", Json.ChatBody("hi"));

        Assert.Equal((HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK), (refused.StatusCode, backingOff.StatusCode, granted.StatusCode));
        Assert.Equal(2, vault.SecretReads);
    }

    [Fact]
    public async Task Development_with_a_vault_and_no_key_uses_the_vault_not_the_embedded_emulator()
    {
        var vault = new FakeKeyVault(FakeKeyVault.Secret(VaultKey));
        await using var emulator = await DashScopeEmulator.StartAsync(new EmulatorOptions { ApiKey = VaultKey });
        var settings = VaultSettings(vault, ("DASHSCOPE_BASE_URL", emulator.NativeBaseUrl.AbsoluteUri));
        await using var app = AiChatApplication.Start(settings, "Development", vault.Replace);
        using var client = app.CreateClient();

        var health = await Json.ReadAsync(await client.GetAsync("/health"));
        using var answer = await client.PostAsync("/api/chat/completions", Json.ChatBody("ping"));

        Assert.Equal("dashscope", health.GetProperty("upstream").GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(1, emulator.ReceivedRequests);
    }

    private static Dictionary<string, string?> VaultSettings(FakeKeyVault vault, params (string Key, string? Value)[] more)
    {
        var settings = new Dictionary<string, string?> { ["KEY_VAULT_URI"] = vault.Address.AbsoluteUri, ["DASHSCOPE_API_KEY"] = null };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static void AssertKeyNowhere(string key, AiChatApplication app, IEnumerable<string> bodies)
    {
        Assert.All(bodies, body => Assert.DoesNotContain(key, body, StringComparison.Ordinal));
        Assert.All(app.Log.Lines, line => Assert.DoesNotContain(key, line, StringComparison.Ordinal));
    }
}

namespace AiChat.Functions.Tests.DashScope;

/// <summary>The Key Vault key source over the real SecretClient, talking to a fake vault instead of Azure.</summary>
public sealed class KeyVaultKeySourceTests
{
    [Fact]
    public async Task Key_is_read_through_the_bearer_challenge_once_and_then_kept()
    {
        var vault = new FakeKeyVault(FakeKeyVault.Secret("sk-from-vault"));
        using var keys = Source(vault);

        List<string> read = [];
        for (var i = 0; i < 5; i++)
        {
            read.Add(await keys.GetKeyAsync(CancellationToken.None));
        }

        Assert.All(read, key => Assert.Equal("sk-from-vault", key));
        Assert.Equal((1, 1), (vault.Challenges, vault.SecretReads));
        Assert.Null((await keys.GetStatusAsync(CancellationToken.None)).Problem);
        Assert.Equal(1, vault.SecretReads);
    }

    [Fact]
    public async Task Refused_key_is_read_again_once_however_many_calls_saw_it_refused()
    {
        var vault = new FakeKeyVault(FakeKeyVault.Secret("sk-old"), FakeKeyVault.Secret("sk-new"));
        using var keys = Source(vault);
        var old = await keys.GetKeyAsync(CancellationToken.None);

        var fresh = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => keys.RefreshKeyAsync(old, CancellationToken.None).AsTask()));

        Assert.Equal("sk-old", old);
        Assert.All(fresh, key => Assert.Equal("sk-new", key));
        Assert.Equal("sk-new", await keys.GetKeyAsync(CancellationToken.None));
        Assert.Equal(2, vault.SecretReads);
    }

    [Fact]
    public async Task Refused_key_still_in_the_vault_comes_back_unchanged()
    {
        var vault = new FakeKeyVault(FakeKeyVault.Secret("sk-only"));
        using var keys = Source(vault);

        var fresh = await keys.RefreshKeyAsync(await keys.GetKeyAsync(CancellationToken.None), CancellationToken.None);

        Assert.Equal("sk-only", fresh);
        Assert.Equal(2, vault.SecretReads);
    }

    public static TheoryData<string, string[]> Failures => new()
    {
        { "forbidden", ["HTTP 403", "Forbidden", "Key Vault Secrets User"] },
        { "missing", ["no secret 'NotThere'", "HTTP 404", "SecretNotFound", "DASHSCOPE_API_KEY_SECRET_NAME"] },
        { "unreachable", ["could not be reached", "KEY_VAULT_URI", "Connection refused"] },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Vault_failure_is_reported_with_what_went_wrong(string failure, string[] said)
    {
        var vault = new FakeKeyVault(failure switch
        {
            "forbidden" => FakeKeyVault.Forbidden,
            "unreachable" => FakeKeyVault.Unreachable,
            _ => FakeKeyVault.Secret("sk-never-asked-for"),
        });
        using var keys = Source(vault, failure == "missing" ? "NotThere" : FakeKeyVault.SecretName);

        var error = await Assert.ThrowsAsync<DashScopeKeyUnavailableException>(() => keys.GetKeyAsync(CancellationToken.None).AsTask());
        var status = await keys.GetStatusAsync(CancellationToken.None);

        Assert.All(said, words => Assert.Contains(words, error.Message, StringComparison.Ordinal));
        Assert.Equal(error.Message, status.Problem);
        Assert.Contains(vault.Address.AbsoluteUri, status.Source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failed_read_is_not_kept_so_access_granted_later_needs_no_restart()
    {
        var vault = new FakeKeyVault(FakeKeyVault.Forbidden, FakeKeyVault.Secret("sk-granted"));
        var clock = new ManualTimeProvider();
        using var keys = Source(vault, time: clock);

        await Assert.ThrowsAsync<DashScopeKeyUnavailableException>(() => keys.GetKeyAsync(CancellationToken.None).AsTask());
        clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal("sk-granted", await keys.GetKeyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Reads_after_a_failure_back_off_doubling_and_a_success_ends_the_backoff()
    {
        var vault = new FakeKeyVault(FakeKeyVault.Forbidden, FakeKeyVault.Forbidden, FakeKeyVault.Forbidden, FakeKeyVault.Secret("sk-granted"));
        var clock = new ManualTimeProvider();
        using var keys = Source(vault, time: clock);

        async Task<int> ReadsAfterCallsAsync(int calls)
        {
            for (var i = 0; i < calls; i++)
            {
                var status = await keys.GetStatusAsync(CancellationToken.None);
                Assert.Contains("HTTP 403", status.Problem, StringComparison.Ordinal);
            }

            return vault.SecretReads;
        }

        var first = await ReadsAfterCallsAsync(10);
        clock.Advance(TimeSpan.FromSeconds(1.9));
        var withinTwoSeconds = await ReadsAfterCallsAsync(10);
        clock.Advance(TimeSpan.FromSeconds(0.1));
        var afterTwoSeconds = await ReadsAfterCallsAsync(10);
        clock.Advance(TimeSpan.FromSeconds(3.9));
        var withinFourSeconds = await ReadsAfterCallsAsync(10);
        clock.Advance(TimeSpan.FromSeconds(0.1));
        var afterFourSeconds = await ReadsAfterCallsAsync(10);
        clock.Advance(TimeSpan.FromSeconds(8));
        var key = await keys.GetKeyAsync(CancellationToken.None);
        await keys.GetKeyAsync(CancellationToken.None);

        Assert.Equal([1, 1, 2, 2, 3], [first, withinTwoSeconds, afterTwoSeconds, withinFourSeconds, afterFourSeconds]);
        Assert.Equal(("sk-granted", 4), (key, vault.SecretReads));
    }

    private static KeyVaultKeySource Source(FakeKeyVault vault, string secretName = FakeKeyVault.SecretName, TimeProvider? time = null) => new(
        vault.CreateClient(),
        Options.Create(new AiChatOptions { KeyVaultUri = vault.Address.AbsoluteUri, KeyVaultSecretName = secretName }),
        NullLogger<KeyVaultKeySource>.Instance,
        time);
}

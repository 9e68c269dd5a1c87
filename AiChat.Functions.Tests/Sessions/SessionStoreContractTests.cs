using AiChat.Core.Images;

namespace AiChat.Functions.Tests.Sessions;

/// <summary>What every session store must do, run against each store.</summary>
public abstract class SessionStoreContractTests
{
    private protected static readonly SessionOptions Limits = new() { MaxMessages = 4, MaxChars = 40, TtlMinutes = 10 };

    private ISessionStore? _store;

    private ISessionStore Store => _store ??= CreateStore(Limits);

    private protected abstract ISessionStore CreateStore(SessionOptions limits);

    [Fact]
    public async Task Created_session_is_empty_and_unknown_session_is_null()
    {
        var id = SessionIds.New();
        await Store.CreateAsync(id, SessionOwners.Anonymous, default);

        Assert.Empty((await Store.GetAsync(id, SessionOwners.Anonymous, default))!);
        Assert.Null(await Store.GetAsync(SessionIds.New(), SessionOwners.Anonymous, default));
    }

    [Fact]
    public async Task Turns_are_kept_in_order()
    {
        var history = await HistoryAfterAsync(
            [User("q1"), Assistant("a1")],
            [User("q2"), Assistant("a2")]);

        Assert.Equal([User("q1"), Assistant("a1"), User("q2"), Assistant("a2")], history);
    }

    [Fact]
    public async Task Oldest_messages_go_first_beyond_the_message_limit_a_system_message_among_them()
    {
        var history = await HistoryAfterAsync(
            [System("be brief"), User("q1"), Assistant("a1")],
            [User("q2"), Assistant("a2")],
            [User("q3"), Assistant("a3")]);

        Assert.Equal([User("q2"), Assistant("a2"), User("q3"), Assistant("a3")], history);
    }

    [Fact]
    public async Task System_messages_count_toward_the_character_limit_and_are_trimmed_like_the_others()
    {
        // Each turn's system message alone is 30 of the 40 characters: every turn pushes the one before out.
        var history = await HistoryAfterAsync(
            [System(new string('s', 30)), User("q1"), Assistant("a1")],
            [System(new string('t', 30)), User("q2"), Assistant("a2")]);

        Assert.Equal([System(new string('t', 30)), User("q2"), Assistant("a2")], history);
    }

    [Fact]
    public async Task An_assistant_message_left_before_a_kept_system_message_goes_too()
    {
        // Five messages: q1 goes for the limit, then a1, which would start the history.
        var history = await HistoryAfterAsync(
            [User("q1"), Assistant("a1")],
            [System("be brief"), User("q2"), Assistant("a2")]);

        Assert.Equal([System("be brief"), User("q2"), Assistant("a2")], history);
    }

    [Fact]
    public async Task A_tool_exchange_is_kept_as_sent()
    {
        ChatMessage[] turn = [User("北京天气"), Calling("call_1"), ChatMessage.Tool("call_1", "get_weather", "{\"city\":\"北京市\"}"), Assistant("晴")];

        Assert.Equal(turn, await HistoryAfterAsync(turn));
    }

    [Fact]
    public async Task Trimming_drops_a_tool_exchange_whole_and_leaves_no_orphan_tool_message()
    {
        var history = await HistoryAfterAsync(
            [User("q1"), Calling("call_1"), ChatMessage.Tool("call_1", "get_weather", "{}"), Assistant("a1")],
            [User("q2"), Assistant("a2")]);

        Assert.Equal([User("q2"), Assistant("a2")], history);
    }

    [Theory]
    // 12 + 12 code points (36 UTF-8 bytes each), then 10 + 10: 44 > 40, so the first turn goes.
    [InlineData("你好你好你好你好你好你好", "再见再见再见再见再见再见", 2)]
    // 10 + 10, then 10 + 10: 40, under the limit even in Chinese, so nothing goes.
    [InlineData("你好你好你好你好你好", "再见再见再见再见再见", 4)]
    public async Task Oldest_messages_go_first_beyond_the_character_limit_counting_code_points(string question, string answer, int kept)
    {
        ChatMessage[] sent = [User(question), Assistant(answer), User("0123456789"), Assistant("abcdefghij")];

        var history = await HistoryAfterAsync(sent[..2], sent[2..]);

        Assert.Equal(sent[^kept..], history);
    }

    [Fact]
    public async Task Newest_turn_is_kept_whole_even_when_it_alone_is_over_the_limits()
    {
        var longQuestion = new string('x', 100);

        var history = await HistoryAfterAsync(
            [User("q1"), Assistant("a1")],
            [User(longQuestion), Assistant("a2")]);

        Assert.Equal([User(longQuestion), Assistant("a2")], history);
    }

    [Fact]
    public async Task History_never_starts_with_an_assistant_message_after_trimming()
    {
        var history = await HistoryAfterAsync(
            [User("q1"), Assistant("a1"), Assistant("a1 continued")],
            [User("q2"), Assistant("a2")]);

        Assert.Equal([User("q2"), Assistant("a2")], history);
    }

    [Fact]
    public async Task Deleted_session_is_gone_and_deleting_it_again_says_so()
    {
        var id = SessionIds.New();
        await Store.CreateAsync(id, SessionOwners.Anonymous, default);
        await Store.AppendAsync(id, [User("q1"), Assistant("a1")], default);

        Assert.True(await Store.DeleteAsync(id, SessionOwners.Anonymous, default));
        Assert.Null(await Store.GetAsync(id, SessionOwners.Anonymous, default));
        Assert.False(await Store.DeleteAsync(id, SessionOwners.Anonymous, default));
    }

    [Fact]
    public async Task Concurrent_turns_on_one_session_lose_no_message()
    {
        var store = CreateStore(new SessionOptions { MaxMessages = 1000, MaxChars = 100_000, TtlMinutes = 10 });
        var id = SessionIds.New();
        await store.CreateAsync(id, SessionOwners.Anonymous, default);

        await Parallel.ForAsync(0, 24, async (i, token) => await store.AppendAsync(id, [User($"q{i}"), Assistant($"a{i}")], token));

        var history = (await store.GetAsync(id, SessionOwners.Anonymous, default))!;
        Assert.Equal(48, history.Count);
        for (var i = 0; i < history.Count; i += 2)
        {
            Assert.Equal("a" + history[i].Content[1..], history[i + 1].Content);
        }
    }

    [Fact]
    public async Task Turn_on_a_deleted_session_is_not_saved_and_does_not_bring_it_back()
    {
        var id = SessionIds.New();
        await Store.CreateAsync(id, SessionOwners.Anonymous, default);
        await Store.DeleteAsync(id, SessionOwners.Anonymous, default);

        Assert.False(await Store.AppendAsync(id, [User("q1"), Assistant("a1")], default));
        Assert.Null(await Store.GetAsync(id, SessionOwners.Anonymous, default));
    }

    [Fact]
    public async Task Owned_session_is_unknown_to_another_owner_and_to_an_anonymous_caller()
    {
        var id = SessionIds.New();
        await Store.CreateAsync(id, "owner-a", default);
        await Store.AppendAsync(id, [User("q1"), Assistant("a1")], default);

        Assert.Null(await Store.GetAsync(id, "owner-b", default));
        Assert.Null(await Store.GetAsync(id, SessionOwners.Anonymous, default));
        Assert.False(await Store.DeleteAsync(id, "owner-b", default));
        Assert.False(await Store.DeleteAsync(id, SessionOwners.Anonymous, default));
        Assert.Equal([User("q1"), Assistant("a1")], await Store.GetAsync(id, "owner-a", default));
        Assert.True(await Store.DeleteAsync(id, "owner-a", default));
    }

    [Fact]
    public async Task Anonymous_session_is_a_capability_for_whoever_holds_its_id()
    {
        var id = SessionIds.New();
        await Store.CreateAsync(id, SessionOwners.Anonymous, default);

        Assert.NotNull(await Store.GetAsync(id, "owner-a", default));
        Assert.True(await Store.DeleteAsync(id, "owner-b", default));
    }

    /// <summary>Appends each turn, in order, to a new session and returns what the store then holds.</summary>
    private async Task<IReadOnlyList<ChatMessage>?> HistoryAfterAsync(params ChatMessage[][] turns)
    {
        var id = SessionIds.New();
        await Store.CreateAsync(id, SessionOwners.Anonymous, default);
        foreach (var turn in turns)
        {
            await Store.AppendAsync(id, turn, default);
        }

        return await Store.GetAsync(id, SessionOwners.Anonymous, default);
    }

    private protected static ChatMessage User(string content) => new("user", content);

    private protected static ChatMessage Assistant(string content) => new("assistant", content);

    [Fact]
    public async Task Images_are_kept_with_their_bytes_and_past_the_image_budget_the_oldest_become_a_placeholder()
    {
        var store = CreateStore(new SessionOptions { MaxMessages = 50, MaxChars = 10_000, TtlMinutes = 10, MaxImageBytes = 250 });
        var id = SessionIds.New();
        await store.CreateAsync(id, SessionOwners.Anonymous, default);
        var (first, second, third) = (Image(1), Image(2), Image(3));

        await store.AppendAsync(id, [new ChatMessage("user", "q1") { Images = [first] }, new ChatMessage("assistant", "a1")], default);
        Assert.Equal([first], (await store.GetAsync(id, SessionOwners.Anonymous, default))![0].Images!);
        await store.AppendAsync(id, [new ChatMessage("user", "q2") { Images = [second, third] }, new ChatMessage("assistant", "a2")], default);
        var history = (await store.GetAsync(id, SessionOwners.Anonymous, default))!;

        Assert.Equal(new ChatMessage("user", ImagePlaceholder.Dropped + " q1"), history[0]);
        Assert.Equal(new ChatMessage("user", "q2") { Images = [second, third] }, history[2]);
    }

    [Fact]
    public async Task An_image_budget_of_zero_keeps_the_words_of_an_image_turn_without_its_images()
    {
        var store = CreateStore(new SessionOptions { MaxMessages = 50, MaxChars = 10_000, TtlMinutes = 10, MaxImageBytes = 0 });
        var id = SessionIds.New();
        await store.CreateAsync(id, SessionOwners.Anonymous, default);

        await store.AppendAsync(id, [new ChatMessage("user", "") { Images = [Image(1), Image(2)] }, new ChatMessage("assistant", "a1")], default);

        Assert.Equal(new ChatMessage("user", ImagePlaceholder.Dropped + " " + ImagePlaceholder.Dropped), (await store.GetAsync(id, SessionOwners.Anonymous, default))![0]);
    }

    private static ChatImage Image(byte seed) => new("image/png", 10 + seed, 20, [.. Enumerable.Range(0, 100).Select(i => (byte)(i * seed))]);

    private protected static ChatMessage System(string content) => new("system", content);

    private static ChatMessage Calling(string callId) =>
        new("assistant", "") { ToolCalls = [new ChatToolCall(callId, "get_weather", "{\"city\":\"北京市\"}")] };
}

using AiChat.Core.Assistant;
using AiChat.Core.Hosting;
using AiChat.Functions.Tests.Turns;

namespace AiChat.Functions.Tests.Assistant;

/// <summary>
/// The geo assistant's loop end to end: ChatTurn over the real DashScope client and the emulator (both
/// protocols, over sockets), with geo tools that answer from a fixed table.
/// </summary>
public abstract class GeoAssistantLoopTests(string basePath) : IAsyncLifetime, IDisposable
{
    private readonly FakeGeoTools _geo = new();
    private MemorySessionStore _store = null!;
    private DashScopeEmulator _emulator = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _store = new MemorySessionStore(new ManualTimeProvider(), Options.Create(new SessionOptions()));
        _emulator = await DashScopeEmulator.StartAsync();
        _http = DashScopeHttpClient.Create(new ConfiguredKeySource(Options.Create(new AiChatOptions { ApiKey = _emulator.Options.ApiKey })));
    }

    [Fact]
    public async Task Weather_question_calls_get_weather_shows_its_status_and_card_then_answers_from_its_result()
    {
        var events = await CollectAsync(Service().StreamAsync(TurnRequests.Events("北京今天天气怎么样？")));

        Assert.Equal(["stream_start", "tool_status", "tool_status", "geo_card"], events.Take(4).Select(e => e.Type));
        Assert.Equal("stream_end", events[^1].Type);
        var started = (ToolStatusEvent)events[1];
        var succeeded = (ToolStatusEvent)events[2];
        Assert.Equal(("get_weather", "started", "正在查询天气…"), (started.Tool, started.Status, started.Label));
        Assert.Equal(("get_weather", "succeeded", 1, started.CallId), (succeeded.Tool, succeeded.Status, succeeded.ResultCount, succeeded.CallId));
        Assert.Matches("^call_", started.CallId);
        Assert.Equal("北京市：晴， 气温 5.0°C。", Text(events));
        Assert.Single(events.Select(e => (e.MessageId, e.SessionId)).Distinct());
        var call = Assert.Single(_geo.Calls);
        Assert.Equal(("get_weather", """{"city":"北京市"}"""), (call.Name, call.ArgumentsJson));

        var (first, second) = (Body(0), Body(1));
        Assert.Equal(["system", "user"], Messages(first).Select(m => m.GetProperty("role").GetString()));
        Assert.Equal(GeoAssistantPrompt.System, Messages(first)[0].GetProperty("content").GetString());
        Assert.Equal(["get_weather", "search_places", "suggest_places", "geocode", "show_on_map"],
            Parameters(first).GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("function").GetProperty("name").GetString()));
        Assert.Equal("auto", Parameters(first).GetProperty("tool_choice").GetString());
        Assert.True(Parameters(first).GetProperty("parallel_tool_calls").GetBoolean());
        Assert.Equal(["system", "user", "assistant", "tool"], Messages(second).Select(m => m.GetProperty("role").GetString()));
        Assert.Equal(started.CallId, Messages(second)[2].GetProperty("tool_calls")[0].GetProperty("id").GetString());
        Assert.Equal(started.CallId, Messages(second)[3].GetProperty("tool_call_id").GetString());
    }

    [Fact]
    public async Task Usage_is_the_sum_of_both_rounds_and_the_finish_reason_the_last_rounds()
    {
        var events = await CollectAsync(Service().StreamAsync(TurnRequests.Events("上海天气")));

        var end = Assert.IsType<StreamEndEvent>(events[^1]);
        Assert.Equal("stop", end.FinishReason);
        Assert.NotNull(end.Usage);
        Assert.True(end.Usage.PromptTokens > Messages(Body(1)).Count);
        Assert.Equal(end.Usage.PromptTokens + end.Usage.CompletionTokens, end.Usage.TotalTokens);
    }

    [Fact]
    public async Task Places_question_passes_the_tools_map_actions_through_right_after_its_status()
    {
        var events = await CollectAsync(Service().StreamAsync(TurnRequests.Events("北京附近的肯德基在哪里？")));

        Assert.Equal(["stream_start", "tool_status", "tool_status", "map_action", "map_action"], events.Take(5).Select(e => e.Type));
        var actions = events.OfType<GeoStreamEvent>().Select(e => e.Event.Fields.GetProperty("action").GetProperty("kind").GetString());
        Assert.Equal(["add_markers", "fit_bounds"], actions);
        Assert.Equal("找到 2 个： 肯德基(花家地店)、肯德基(酒仙桥店)。", Text(events));
        Assert.Equal("""{"keywords":"肯德基","city":"北京市","near_me":true}""", Assert.Single(_geo.Calls).ArgumentsJson);
    }

    [Theory]
    [InlineData("repeat-id")]
    [InlineData("null-name")]
    [InlineData("empty-first-arguments")]
    [InlineData("no-first-arguments")]
    [InlineData("empty-function")]
    [InlineData("stop-with-calls")]
    [InlineData("content-array")]
    [InlineData("extra-brace")]
    [InlineData("no-index")]
    [InlineData("repeat-name")]
    [InlineData("reasoning")]
    public async Task Each_stream_quirk_still_gives_the_one_call_meant_and_its_answer(string quirk)
    {
        var events = await CollectAsync(Service().StreamAsync(TurnRequests.Events($"北京天气 [[tool-quirk:{quirk}]]")));

        Assert.Equal("stream_end", events[^1].Type);
        Assert.Equal(("get_weather", """{"city":"北京市"}"""), (Assert.Single(_geo.Calls).Name, _geo.Calls.Single().ArgumentsJson));
        Assert.Equal("北京市：晴， 气温 5.0°C。", Text(events));
    }

    [Theory]
    [InlineData("")]
    [InlineData("[[tool-quirk:interleaved]]")]
    [InlineData("[[tool-quirk:interleaved]][[tool-quirk:no-index]]")]
    public async Task Parallel_calls_each_run_once_and_each_is_answered(string quirks)
    {
        var events = await CollectAsync(Service().StreamAsync(TurnRequests.Events($"北京和上海今天天气怎么样？{quirks}")));

        Assert.Equal(["北京市", "上海市"], _geo.Calls.Select(c => JsonDocument.Parse(c.ArgumentsJson).RootElement.GetProperty("city").GetString()).Order(StringComparer.Ordinal).Reverse());
        Assert.Equal(2, events.OfType<ToolStatusEvent>().Count(s => s.Status == "started"));
        Assert.Equal(2, Messages(Body(1)).Count(m => m.GetProperty("role").GetString() == "tool"));
    }

    [Fact]
    public async Task Text_before_the_calls_is_streamed_and_kept_with_the_calls()
    {
        var events = await CollectAsync(Service().StreamAsync(TurnRequests.Events("北京天气 [[tool-quirk:text-first]]")));

        Assert.Equal(["stream_start", "stream_chunk", "tool_status", "tool_status", "geo_card"], events.Take(5).Select(e => e.Type));
        Assert.Equal("好的，我来查一下。", Messages(Body(1))[2].GetProperty("content").GetString());
    }

    [Fact]
    public async Task Arguments_that_are_not_json_fail_the_call_at_once_and_the_history_gets_valid_json()
    {
        var events = await CollectAsync(Service().StreamAsync(TurnRequests.Events("北京天气 [[tool-quirk:invalid-arguments]]")));

        var statuses = events.OfType<ToolStatusEvent>().Select(s => (s.Status, s.ErrorCode)).ToList();
        Assert.Equal([("started", null), ("failed", "invalid_arguments")], statuses);
        Assert.Empty(_geo.Calls);
        Assert.Equal("{}", Messages(Body(1))[2].GetProperty("tool_calls")[0].GetProperty("function").GetProperty("arguments").GetString());
        Assert.Contains("invalid_arguments", Text(events), StringComparison.Ordinal);
        Assert.Equal("stream_end", events[^1].Type);
    }

    [Fact]
    public async Task A_model_that_keeps_calling_gets_four_tool_rounds_then_one_final_call_with_tool_choice_none()
    {
        var events = await CollectAsync(Service().StreamAsync(TurnRequests.Events("天气 [[tools:always]]")));

        Assert.Equal(5, _emulator.Requests.Count);
        Assert.Equal(["auto", "auto", "auto", "auto", "none"], Enumerable.Range(0, 5).Select(i => Parameters(Body(i)).GetProperty("tool_choice").GetString()));
        Assert.All(Enumerable.Range(0, 5), i => Assert.Equal(5, Parameters(Body(i)).GetProperty("tools").GetArrayLength()));
        Assert.Equal(4, events.OfType<ToolStatusEvent>().Count(s => s.Status == "started"));
        Assert.Single(_geo.Calls);
        Assert.Equal("stream_end", events[^1].Type);
    }

    [Fact]
    public async Task Ten_calls_spend_the_turns_budget_the_rest_are_answered_limit_reached_without_events()
    {
        var events = await CollectAsync(Service().StreamAsync(TurnRequests.Events("北京上海杭州天气 [[tools:always]]")));

        Assert.Equal(10, events.OfType<ToolStatusEvent>().Count(s => s.Status == "started"));
        Assert.Equal(["auto", "auto", "auto", "auto", "none"], Enumerable.Range(0, 5).Select(i => Parameters(Body(i)).GetProperty("tool_choice").GetString()));
        var lastTools = Messages(Body(4)).Where(m => m.GetProperty("role").GetString() == "tool").Select(m => m.GetProperty("content").GetString()!).ToList();
        Assert.Equal(12, lastTools.Count);
        Assert.Equal(2, lastTools.Count(c => c.Contains("limit_reached", StringComparison.Ordinal)));
        Assert.Equal(3, _geo.Calls.Count);
        Assert.Equal("stream_end", events[^1].Type);
    }

    [Fact]
    public async Task Sessions_keep_the_tool_exchange_and_send_it_back_whole_on_the_next_turn()
    {
        var service = Service();
        var first = await CollectAsync(service.StreamAsync(TurnRequests.Events("北京天气")));
        var sessionId = first[0].SessionId!;

        var second = await CollectAsync(service.StreamAsync(TurnRequests.Events("谢谢", sessionId)));

        Assert.Equal("stream_end", second[^1].Type);
        var stored = (await _store.GetAsync(sessionId, SessionOwners.Anonymous, default))!;
        Assert.Equal(["user", "assistant", "tool", "assistant", "user", "assistant"], stored.Select(m => m.Role));
        Assert.Equal(stored[1].ToolCalls![0].Id, stored[2].ToolCallId);
        Assert.Equal(["system", "user", "assistant", "tool", "assistant", "user"], Messages(Body(2)).Select(m => m.GetProperty("role").GetString()));
    }

    [Fact]
    public async Task Without_enabled_geo_tools_the_turn_offers_no_tools()
    {
        _geo.IsEnabled = false;

        var events = await CollectAsync(Service().StreamAsync(TurnRequests.Events("北京天气")));

        Assert.Equal("You said: 北京天气", Text(events));
        Assert.False(Parameters(Body(0)).TryGetProperty("tools", out _));
        Assert.Equal(["user"], Messages(Body(0)).Select(m => m.GetProperty("role").GetString()));
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    public void Dispose()
    {
        _store.Dispose();
        _http.Dispose();
        GC.SuppressFinalize(this);
    }

    private ChatTurn Service()
    {
        var options = new AiChatOptions { BaseUrl = new Uri(_emulator.Address, basePath).AbsoluteUri, ApiKey = _emulator.Options.ApiKey };
        options.Models.AddRange(DefaultModelCatalog.Create());
        var wrapped = Options.Create(options);
        var client = new DashScopeClient(_http, DashScopeProtocols.Create(options), wrapped, new ConfiguredKeySource(wrapped));
        return new ChatTurn(client, new ChatSessions(_store), wrapped, NullLogger<ChatTurn>.Instance, _geo);
    }

    private JsonElement Body(int index) => JsonDocument.Parse(_emulator.Requests[index].Body).RootElement;

    private static List<JsonElement> Messages(JsonElement body) =>
        [.. (body.TryGetProperty("messages", out var messages) ? messages : body.GetProperty("input").GetProperty("messages")).EnumerateArray()];

    private static JsonElement Parameters(JsonElement body) => body.TryGetProperty("parameters", out var parameters) ? parameters : body;

    private static string Text(List<ChatStreamEvent> events) => string.Concat(events.OfType<StreamChunkEvent>().Select(c => c.Chunk));

    private static async Task<List<ChatStreamEvent>> CollectAsync(IAsyncEnumerable<ChatStreamEvent> events)
    {
        List<ChatStreamEvent> collected = [];
        await foreach (var streamEvent in events)
        {
            collected.Add(streamEvent);
        }

        return collected;
    }
}

public sealed class NativeGeoAssistantLoopTests() : GeoAssistantLoopTests("/api/v1");

public sealed class CompatibleModeGeoAssistantLoopTests() : GeoAssistantLoopTests("/compatible-mode/v1");

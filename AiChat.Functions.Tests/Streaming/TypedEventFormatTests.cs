using System.Buffers;
using System.Net.ServerSentEvents;

namespace AiChat.Functions.Tests.Streaming;

/// <summary>The new typed events on the wire (docs/geo-assistant.md#events).</summary>
public sealed class TypedEventFormatTests
{
    [Fact]
    public void Tool_status_started_carries_its_label_and_nothing_of_the_other_states()
    {
        var data = Write(new ToolStatusEvent("m1", "s1", "call_1", "search_places", "started") { Label = "正在搜索地点…" });

        Assert.Equal("""{"type":"tool_status","message_id":"m1","session_id":"s1","call_id":"call_1","tool":"search_places","status":"started","label":"正在搜索地点…"}""", data);
    }

    [Fact]
    public void Tool_status_succeeded_and_failed_carry_count_or_code_and_elapsed_time()
    {
        Assert.Equal("""{"type":"tool_status","message_id":"m1","session_id":null,"call_id":"c","tool":"get_weather","status":"succeeded","result_count":1,"elapsed_ms":412}""",
            Write(new ToolStatusEvent("m1", null, "c", "get_weather", "succeeded") { ResultCount = 1, ElapsedMs = 412 }));
        Assert.Equal("""{"type":"tool_status","message_id":"m1","session_id":null,"call_id":"c","tool":"get_weather","status":"failed","error_code":"timeout","elapsed_ms":6000}""",
            Write(new ToolStatusEvent("m1", null, "c", "get_weather", "failed") { ErrorCode = "timeout", ElapsedMs = 6000 }));
    }

    [Fact]
    public void Map_action_and_geo_card_fields_follow_type_and_ids_as_the_tool_gave_them()
    {
        var fields = JsonDocument.Parse("""{"action_id":"c:1","crs":"gcj02","action":{"kind":"fly_to","center":[116.469271,39.985568],"zoom":16},"type":"spoofed"}""").RootElement;

        var data = Write(new GeoStreamEvent("m1", "s1", new GeoEvent("map_action", fields)));

        Assert.Equal("""{"type":"map_action","message_id":"m1","session_id":"s1","action_id":"c:1","crs":"gcj02","action":{"kind":"fly_to","center":[116.469271,39.985568],"zoom":16}}""", data);
    }

    private static string Write(ChatStreamEvent streamEvent)
    {
        var output = new ArrayBufferWriter<byte>();
        var items = new List<SseItem<ChatStreamEvent?>>();
        TypedEventFormat.Instance.Translate(streamEvent, items);
        var item = Assert.Single(items);
        Assert.Equal(streamEvent.Type, item.EventType);
        TypedEventFormat.Instance.WriteData(item, output);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }
}

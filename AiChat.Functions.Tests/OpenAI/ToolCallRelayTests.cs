using AiChat.Core.OpenAI;

namespace AiChat.Functions.Tests.OpenAI;

public sealed class ToolCallRelayTests
{
    [Fact]
    public void Id_and_name_go_out_once_on_a_calls_first_delta_then_only_arguments()
    {
        var relay = new ToolCallRelay();

        var first = relay.Relay([new ToolCallFragment(0, "call_a", "get_weather", "{\"city\":")]);
        var repeated = relay.Relay([new ToolCallFragment(0, "call_a", "get_weather", " \"北京市\"}")]);

        Assert.Equal([new RelayedToolCall(0, "call_a", "get_weather", "{\"city\":")], first);
        Assert.Equal([new RelayedToolCall(0, null, null, " \"北京市\"}")], repeated);
    }

    [Fact]
    public void Arguments_before_the_name_wait_for_it()
    {
        var relay = new ToolCallRelay();

        var nameless = relay.Relay([new ToolCallFragment(1, "", null, "{\"a\":")]);
        var named = relay.Relay([new ToolCallFragment(1, "call_b", "f", "1}")]);

        Assert.Null(nameless);
        Assert.Equal([new RelayedToolCall(1, "call_b", "f", "{\"a\":1}")], named);
    }

    [Fact]
    public void A_call_without_an_id_gets_one_and_a_missing_index_follows_the_last_or_a_new_id()
    {
        var relay = new ToolCallRelay();

        var first = relay.Relay([new ToolCallFragment(null, null, "f", "{}")])!;
        var second = relay.Relay([new ToolCallFragment(null, "call_second", "g", "")])!;
        var continued = relay.Relay([new ToolCallFragment(null, "", null, "{}")])!;

        Assert.StartsWith("call_", first[0].Id, StringComparison.Ordinal);
        Assert.Equal(0, first[0].Index);
        Assert.Equal(new RelayedToolCall(1, "call_second", "g", ""), second[0]);
        Assert.Equal(new RelayedToolCall(1, null, null, "{}"), continued[0]);
    }

    [Fact]
    public void Empty_fragments_send_nothing()
    {
        var relay = new ToolCallRelay();
        relay.Relay([new ToolCallFragment(0, "call_a", "f", "")]);

        Assert.Null(relay.Relay([new ToolCallFragment(0, "", null, ""), new ToolCallFragment(0, null, null, null)]));
        Assert.Null(relay.Relay(null));
    }
}

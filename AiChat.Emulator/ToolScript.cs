namespace AiChat.Emulator;

/// <summary>
/// How a round's planned calls are streamed, protocol aside: the frames in order, each with its tool_call entries,
/// shaped by the chosen <see cref="ToolQuirks"/>. By default a call's first entry brings index, id, name and the
/// first half of the arguments; its second brings <c>"id":""</c> and the rest (docs/dashscope-streams.md#id-only-on-the-first-fragment, #name-only-on-the-first-fragment, #type-repeated-on-every-fragment).
/// </summary>
internal static class ToolScript
{
    public static IReadOnlyList<ToolFrame> Frames(IReadOnlyList<PlannedToolCall> calls, ToolQuirks quirks, string requestId)
    {
        var frames = new List<ToolFrame>();
        if (quirks.HasFlag(ToolQuirks.Reasoning))
        {
            frames.Add(new ToolFrame([]) { Reasoning = "嗯，" });
            frames.Add(new ToolFrame([]) { Reasoning = "需要调用工具。" });
        }

        if (quirks.HasFlag(ToolQuirks.TextFirst))
        {
            frames.Add(new ToolFrame([]) { Text = "好的，我来查一下。" });
        }

        for (var k = 0; k < calls.Count; k++)
        {
            var entries = Entries(calls[k], k, quirks, $"call_{requestId.Replace("-", "", StringComparison.Ordinal)[..22]}{k}");
            var first = 0;
            if (quirks.HasFlag(ToolQuirks.Interleaved) && k > 0)
            {
                // The previous call's last, empty fragment travels with this call's first entry (docs/dashscope-streams.md#several-calls-in-one-frame).
                var previous = frames[^1];
                frames[^1] = previous with { Entries = [.. previous.Entries, entries[0]] };
                first = 1;
            }

            for (var e = first; e < entries.Count; e++)
            {
                frames.Add(new ToolFrame([entries[e]]));
            }

            if (quirks.HasFlag(ToolQuirks.Interleaved) && k < calls.Count - 1)
            {
                frames.Add(new ToolFrame([entries[^1] with { Name = null, NameNull = false, Arguments = "", Id = "" }]));
            }
        }

        return frames;
    }

    private static List<ToolEntry> Entries(PlannedToolCall call, int index, ToolQuirks quirks, string id)
    {
        var arguments = quirks.HasFlag(ToolQuirks.InvalidArguments) ? "{\"city\": 北京" : call.Arguments;
        if (quirks.HasFlag(ToolQuirks.ExtraBrace))
        {
            arguments += "}";
        }

        var split = arguments.IndexOf(':', StringComparison.Ordinal) + 1;
        var (head, tail) = split > 0 ? (arguments[..split], arguments[split..]) : (arguments, "");
        int? wireIndex = quirks.HasFlag(ToolQuirks.NoIndex) ? null : index;
        var laterId = quirks.HasFlag(ToolQuirks.RepeatId) ? id : "";
        var laterName = quirks.HasFlag(ToolQuirks.RepeatName) ? call.Name : null;
        var nullName = quirks.HasFlag(ToolQuirks.NullName);

        var entries = new List<ToolEntry>();
        if (quirks.HasFlag(ToolQuirks.EmptyFirstArguments) || quirks.HasFlag(ToolQuirks.NoFirstArguments))
        {
            entries.Add(new ToolEntry(wireIndex, id, call.Name, quirks.HasFlag(ToolQuirks.EmptyFirstArguments) ? "" : null));
            entries.Add(new ToolEntry(wireIndex, laterId, laterName, head) { NameNull = nullName });
        }
        else
        {
            entries.Add(new ToolEntry(wireIndex, id, call.Name, head));
        }

        entries.Add(new ToolEntry(wireIndex, laterId, laterName, tail) { NameNull = nullName });
        if (quirks.HasFlag(ToolQuirks.EmptyFunction))
        {
            entries.Add(new ToolEntry(wireIndex, laterId, null, null) { EmptyFunction = true });
        }

        return entries;
    }
}

namespace AiChat.Core.OpenAI;

/// <summary>
/// Turns DashScope's tool-call fragments, with their quirks (docs/dashscope-streams.md#tool-call-stream-quirks: ids and names missing, empty or
/// repeated, indexes missing, several calls in one frame), into the deltas OpenAI clients put together: per call, a
/// first delta with index, id and name, then argument text only. Arguments that arrive before a call's name are held
/// back until it does. Indexes follow the rules of <see cref="ToolCallAccumulator"/>.
/// </summary>
internal sealed class ToolCallRelay
{
    private readonly SortedDictionary<int, Call> _calls = [];
    private int _lastIndex;

    /// <summary>The deltas to send for one frame's fragments; null when there is nothing to send yet.</summary>
    public List<RelayedToolCall>? Relay(IReadOnlyList<ToolCallFragment>? fragments)
    {
        if (fragments is null)
        {
            return null;
        }

        List<RelayedToolCall>? relayed = null;
        foreach (var fragment in fragments)
        {
            var index = fragment.Index ?? ImpliedIndex(fragment);
            if (!_calls.TryGetValue(index, out var call))
            {
                _calls[index] = call = new Call();
            }

            _lastIndex = index;
            if (call.Id is null && !string.IsNullOrEmpty(fragment.Id))
            {
                call.Id = fragment.Id;
            }

            if (call.Name is null && !string.IsNullOrEmpty(fragment.Name))
            {
                call.Name = fragment.Name;
            }

            call.Pending.Append(fragment.Arguments);
            if (call.Name is null)
            {
                continue;
            }

            if (!call.Started)
            {
                call.Started = true;
                (relayed ??= []).Add(new RelayedToolCall(index, call.Id ??= ToolCallAccumulator.NewCallId(), call.Name, Take(call)));
            }
            else if (call.Pending.Length > 0)
            {
                (relayed ??= []).Add(new RelayedToolCall(index, null, null, Take(call)));
            }
        }

        return relayed;
    }

    private static string Take(Call call)
    {
        var text = call.Pending.ToString();
        call.Pending.Clear();
        return text;
    }

    private int ImpliedIndex(ToolCallFragment fragment) =>
        ToolCallAccumulator.ImpliedIndex(_calls.Count > 0, _lastIndex, _calls.Count > 0 ? _calls[_lastIndex].Id : null, fragment.Id);

    private sealed class Call
    {
        public string? Id { get; set; }

        public string? Name { get; set; }

        public bool Started { get; set; }

        public StringBuilder Pending { get; } = new();
    }
}

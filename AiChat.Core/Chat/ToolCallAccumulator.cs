using System.Buffers;
using System.Security.Cryptography;
using System.Text.Encodings.Web;

namespace AiChat.Core.Chat;

/// <summary>
/// Puts one model round's streamed tool-call fragments together, by the rules of docs/dashscope-streams.md#putting-fragments-together: keyed by index
/// (the last one, or the next on a new id, when the index is missing), id and name taken once and never concatenated
/// (a name is only extended when that completes a registered tool's name), arguments appended. Whether the round
/// called tools is decided by <see cref="Complete"/>, from the calls, never from the finish reason.
/// </summary>
internal sealed class ToolCallAccumulator(IReadOnlyCollection<string> registeredNames)
{
    private static readonly JsonWriterOptions CompactRelaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly SortedDictionary<int, Builder> _builders = [];
    private readonly List<string> _anomalies = [];
    private int _lastIndex;

    /// <summary>What did not fit the rules and was ignored (a second id or name on one call), for the log.</summary>
    public IReadOnlyList<string> Anomalies => _anomalies;

    /// <summary>Applies one frame's entries, in order.</summary>
    public void Add(IReadOnlyList<ToolCallFragment> fragments)
    {
        foreach (var fragment in fragments)
        {
            var index = fragment.Index ?? ImpliedIndex(fragment);
            if (!_builders.TryGetValue(index, out var builder))
            {
                _builders[index] = builder = new Builder();
            }

            _lastIndex = index;
            ApplyId(builder, index, fragment.Id);
            ApplyName(builder, index, fragment.Name);
            if (fragment.Arguments is not null)
            {
                builder.Arguments.Append(fragment.Arguments);
            }
        }
    }

    /// <summary>The round's calls in index order: empty when no fragment named a tool (the round is an answer).</summary>
    public IReadOnlyList<AccumulatedToolCall> Complete()
    {
        var calls = new List<AccumulatedToolCall>(_builders.Count);
        foreach (var builder in _builders.Values)
        {
            if (builder.Name.Length == 0)
            {
                continue;
            }

            var raw = builder.Arguments.ToString();
            calls.Add(new AccumulatedToolCall(builder.Id ?? NewCallId(), builder.Name, NormalizeArguments(raw), raw));
        }

        return calls;
    }

    /// <summary>
    /// The arguments as compact JSON of one object: <c>""</c> is <c>{}</c>; text after the first complete object is
    /// dropped (an extra <c>}</c>, or the whole arguments sent twice). Null when there is no object to be had.
    /// </summary>
    public static string? NormalizeArguments(string raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return "{}";
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(raw);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowMultipleValues = true });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            using var document = JsonDocument.Parse(bytes.AsMemory(start, (int)reader.BytesConsumed - start));
            var output = new ArrayBufferWriter<byte>(bytes.Length);
            using (var writer = new Utf8JsonWriter(output, CompactRelaxed))
            {
                document.RootElement.WriteTo(writer);
            }

            return System.Text.Encoding.UTF8.GetString(output.WrittenSpan);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A call id in DashScope's own shape, for a call the upstream sent without one.</summary>
    public static string NewCallId() => "call_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private int ImpliedIndex(ToolCallFragment fragment) =>
        ImpliedIndex(_builders.Count > 0, _lastIndex, _builders.Count > 0 ? _builders[_lastIndex].Id : null, fragment.Id);

    /// <summary>
    /// The index of a fragment that names none (docs/dashscope-streams.md#putting-fragments-together): the last call's, unless the fragment brings an id other than the
    /// one that call already has, which starts the next call.
    /// </summary>
    internal static int ImpliedIndex(bool anyCall, int lastIndex, string? lastId, string? fragmentId) =>
        !anyCall ? 0
        : !string.IsNullOrEmpty(fragmentId) && lastId is not null && lastId != fragmentId ? lastIndex + 1
        : lastIndex;

    private void ApplyId(Builder builder, int index, string? id)
    {
        if (string.IsNullOrEmpty(id) || builder.Id == id)
        {
            return;
        }

        if (builder.Id is null)
        {
            builder.Id = id;
        }
        else
        {
            _anomalies.Add($"call {index}: a second id '{id}' after '{builder.Id}' was ignored");
        }
    }

    private void ApplyName(Builder builder, int index, string? name)
    {
        if (string.IsNullOrEmpty(name) || builder.Name == name)
        {
            return;
        }

        if (builder.Name.Length == 0)
        {
            builder.Name = name;
        }
        else if (IsRegisteredPrefix(builder.Name + name))
        {
            builder.Name += name;
        }
        else
        {
            _anomalies.Add($"call {index}: a second name '{name}' after '{builder.Name}' was ignored");
        }
    }

    private bool IsRegisteredPrefix(string candidate)
    {
        foreach (var registered in registeredNames)
        {
            if (registered.StartsWith(candidate, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private sealed class Builder
    {
        public string? Id { get; set; }

        public string Name { get; set; } = "";

        public System.Text.StringBuilder Arguments { get; } = new();
    }
}

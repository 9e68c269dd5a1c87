using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace AiChat.Core.Api;

/// <summary>
/// Finds a string in a syntactically valid JSON document that is not text: bytes that are not UTF-8, or a <c>\u</c>
/// escape of half a UTF-16 surrogate pair. The JSON reader accepts both as syntax and throws only when such a string is
/// read, so every string (values and member names, known members or not) is checked once, before any is read.
/// </summary>
internal static class JsonTextValidator
{
    private const int MaxNameInPath = 64;

    /// <returns>
    /// Null when all text is valid; otherwise the path of the bad value (<c>messages[0].content</c>), or of the object
    /// whose member name is bad (<c>body</c> for the top level).
    /// </returns>
    public static string? FindInvalidText(ReadOnlySequence<byte> json, JsonReaderOptions options = default)
    {
        var reader = new Utf8JsonReader(json, options);
        Span<Container> open = stackalloc Container[(options.MaxDepth > 0 ? options.MaxDepth : 64) + 1];
        var depth = 0;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    if (!IsText(ref reader))
                    {
                        return Path(json, open[..depth], includeInnermostName: false);
                    }

                    open[depth - 1].NameStart = reader.TokenStartIndex;
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    depth--;
                    break;
                default:
                    if (depth > 0 && open[depth - 1].IsArray)
                    {
                        open[depth - 1].Index++;
                    }

                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        open[depth++] = new Container { IsArray = reader.TokenType == JsonTokenType.StartArray, Index = -1 };
                    }
                    else if (reader.TokenType == JsonTokenType.String && !IsText(ref reader))
                    {
                        return Path(json, open[..depth], includeInnermostName: true);
                    }

                    break;
            }
        }

        return null;
    }

    private static bool IsText(ref Utf8JsonReader reader)
    {
        var raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
        return Utf8.IsValid(raw) && (!reader.ValueIsEscaped || SurrogateEscapesArePaired(raw));
    }

    /// <summary>The reader has checked the escapes' syntax (four hex digits after every <c>\u</c>); this checks their pairing.</summary>
    private static bool SurrogateEscapesArePaired(ReadOnlySpan<byte> raw)
    {
        var expectLow = false;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != '\\')
            {
                if (expectLow)
                {
                    return false;
                }

                continue;
            }

            ushort unit = 0;
            var isUnicode = raw[i + 1] == 'u' && Utf8Parser.TryParse(raw.Slice(i + 2, 4), out unit, out _, 'X');
            i += isUnicode ? 5 : 1;

            var isLow = unit is >= 0xDC00 and <= 0xDFFF;
            if (expectLow != isLow)
            {
                return false;
            }

            expectLow = unit is >= 0xD800 and <= 0xDBFF;
        }

        return !expectLow;
    }

    private static string Path(ReadOnlySequence<byte> json, ReadOnlySpan<Container> open, bool includeInnermostName)
    {
        var path = new StringBuilder();
        for (var i = 0; i < open.Length; i++)
        {
            if (open[i].IsArray)
            {
                path.Append('[').Append(open[i].Index).Append(']');
            }
            else if (i < open.Length - 1 || includeInnermostName)
            {
                path.Append(path.Length == 0 ? "" : ".").Append(Name(json, open[i].NameStart));
            }
        }

        return path.Length == 0 || path[0] == '[' ? path.Insert(0, "body").ToString() : path.ToString();
    }

    private static string Name(ReadOnlySequence<byte> json, long nameStart)
    {
        var reader = new Utf8JsonReader(json.Slice(nameStart), isFinalBlock: false, default);
        reader.Read();
        var name = reader.GetString()!;
        return name.Length > MaxNameInPath ? name[..MaxNameInPath] + "…" : name;
    }

    private struct Container
    {
        public bool IsArray;
        public int Index;
        public long NameStart;
    }
}

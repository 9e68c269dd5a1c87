using System.Buffers.Text;
using System.Runtime.InteropServices;
using System.Text.Unicode;

namespace AiChat.Core.Api;

/// <summary>
/// Finds a string in a parsed JSON document that is not text: bytes that are not UTF-8, or a <c>\u</c> escape of half
/// a UTF-16 surrogate pair. The JSON parser accepts both as syntax and throws only when such a string is read, so every
/// string (values and member names, known members or not) is checked, in its raw bytes, before any is read.
/// </summary>
internal static class JsonTextValidator
{
    private const int MaxNameInPath = 64;

    /// <returns>
    /// Null when all text is valid; otherwise the path of the bad value (<c>messages[0].content</c>), or of the object
    /// whose member name is bad (<c>body</c> for the top level).
    /// </returns>
    public static string? FindInvalidText(JsonElement root) => IsPlainlyText(JsonMarshal.GetRawUtf8Value(root)) ? null : Find(root) switch
    {
        null => null,
        "" => "body",
        ['.', .. var member] => member,
        var index => "body" + index,
    };

    /// <summary>
    /// The common case, checked over the whole document at once: valid UTF-8 throughout (outside its strings JSON is
    /// ASCII) and no escape that could be a surrogate. Only a document that fails this is walked string by string.
    /// </summary>
    private static bool IsPlainlyText(ReadOnlySpan<byte> document) =>
        Utf8.IsValid(document) && document.IndexOf("\\ud"u8) < 0 && document.IndexOf("\\uD"u8) < 0;

    /// <returns>Null when all text is valid; otherwise the path below <paramref name="element"/>, "" for the element itself.</returns>
    private static string? Find(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return IsText(JsonMarshal.GetRawUtf8Value(element)) ? null : "";
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!IsText(JsonMarshal.GetRawUtf8PropertyName(property)))
                    {
                        return "";
                    }

                    if (Find(property.Value) is { } below)
                    {
                        var name = property.Name.Length > MaxNameInPath ? property.Name[..MaxNameInPath] + "…" : property.Name;
                        return "." + name + below;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (Find(item) is { } below)
                    {
                        return $"[{index}]{below}";
                    }

                    index++;
                }

                return null;
            default:
                return null;
        }
    }

    private static bool IsText(ReadOnlySpan<byte> raw) => Utf8.IsValid(raw) && (!raw.Contains((byte)'\\') || SurrogateEscapesArePaired(raw));

    /// <summary>The parser has checked the escapes' syntax (four hex digits after every <c>\u</c>); this checks their pairing.</summary>
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
            if (expectLow != (unit is >= 0xDC00 and <= 0xDFFF))
            {
                return false;
            }

            expectLow = unit is >= 0xD800 and <= 0xDBFF;
        }

        return !expectLow;
    }
}

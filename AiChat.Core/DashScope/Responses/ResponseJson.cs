using System.Buffers.Text;
using System.Text.Unicode;

namespace AiChat.Core.DashScope.Responses;

/// <summary>
/// The rules DashScope's answers are read by, the ones the source-generated serializer applied before
/// (docs/dashscope-streams.md#reading-the-answers): names matched exactly, the last of a repeated member wins, unknown
/// members skipped, JSON null read as absent, integers also as numeric strings, and a value of the wrong kind, broken
/// JSON or text that is not Unicode a <see cref="JsonException"/>. Messages name the member, never its content.
/// </summary>
internal static class ResponseJson
{
    private static readonly string[] UsualFinishReasons = ["null", "stop", "length", "tool_calls"];

    /// <summary>Moves to the body's root, which must be an object; false when it is JSON null.</summary>
    public static bool ReadRoot(ref this Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.StartObject => true,
            JsonTokenType.Null => false,
            var token => throw new JsonException($"DashScope's answer is {token} where an object belongs."),
        };
    }

    /// <summary>After the root: nothing but white space may follow (the reader itself throws on more JSON).</summary>
    public static void ReadEnd(ref this Utf8JsonReader reader)
    {
        if (reader.Read())
        {
            throw new JsonException("DashScope's answer goes on after its JSON value.");
        }
    }

    /// <summary>Moves to the next member of the object being read; false at its end.</summary>
    public static bool NextProperty(ref this Utf8JsonReader reader) => reader.Read() && reader.TokenType == JsonTokenType.PropertyName;

    /// <summary>Moves to the next element of the array being read; false at its end.</summary>
    public static bool NextElement(ref this Utf8JsonReader reader) => reader.Read() && reader.TokenType != JsonTokenType.EndArray;

    /// <summary>Reads the current member's value as an object's start; false for null.</summary>
    public static bool ReadObjectStart(ref this Utf8JsonReader reader, string name)
    {
        reader.Read();
        return reader.IsStart(JsonTokenType.StartObject, name);
    }

    /// <summary>Reads the current member's value as an array's start; false for null.</summary>
    public static bool ReadArrayStart(ref this Utf8JsonReader reader, string name)
    {
        reader.Read();
        return reader.IsStart(JsonTokenType.StartArray, name);
    }

    /// <summary>Whether the current token (a member's value or an array's element) starts <paramref name="kind"/>; false for null, a <see cref="JsonException"/> for anything else.</summary>
    public static bool IsStart(ref this Utf8JsonReader reader, JsonTokenType kind, string name)
    {
        if (reader.TokenType == kind)
        {
            return true;
        }

        if (reader.TokenType == JsonTokenType.Null)
        {
            return false;
        }

        throw WrongKind(name, reader.TokenType, kind == JsonTokenType.StartObject ? "an object" : "an array");
    }

    /// <param name="keep">False for a member the caller does not use: it is checked as the serializer checked it, but no string is made (null).</param>
    public static string? ReadString(ref this Utf8JsonReader reader, string name, bool keep = true)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String when keep:
                return reader.GetText(name);
            case JsonTokenType.String:
                if (reader.ValueIsEscaped)
                {
                    _ = reader.GetText(name);
                }
                else if (!Utf8.IsValid(reader.ValueSpan))
                {
                    throw NotText(name);
                }

                return null;
            case var token:
                throw WrongKind(name, token, "a string");
        }
    }

    /// <summary><c>finish_reason</c>, the usual values as literals rather than new strings (a native frame says "null" in every one).</summary>
    public static string? ReadFinishReason(ref this Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.String)
        {
            return reader.TokenType == JsonTokenType.Null ? null : throw WrongKind("finish_reason", reader.TokenType, "a string");
        }

        foreach (var usual in UsualFinishReasons)
        {
            if (reader.ValueTextEquals(usual))
            {
                return usual;
            }
        }

        return reader.GetText("finish_reason");
    }

    /// <summary>The current string token's text; text that does not transcode is broken JSON, as the serializer had it.</summary>
    public static string GetText(ref this Utf8JsonReader reader, string name)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            throw NotText(name, e);
        }
    }

    /// <summary>An integer that may be absent; null reads as absent.</summary>
    public static int? ReadOptionalInt(ref this Utf8JsonReader reader, string name)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null ? null : reader.GetInt(name);
    }

    /// <summary>An integer that is 0 when absent but may not be null.</summary>
    public static int ReadInt(ref this Utf8JsonReader reader, string name)
    {
        reader.Read();
        return reader.GetInt(name);
    }

    /// <summary>A usage details object (<c>completion_tokens_details</c>, <c>output_tokens_details</c>): its <c>reasoning_tokens</c>.</summary>
    public static int? ReadReasoningTokens(ref this Utf8JsonReader reader, string name)
    {
        int? reasoningTokens = null;
        if (!reader.ReadObjectStart(name))
        {
            return reasoningTokens;
        }

        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("reasoning_tokens"u8))
            {
                reasoningTokens = reader.ReadOptionalInt("reasoning_tokens");
            }
            else
            {
                reader.Skip();
            }
        }

        return reasoningTokens;
    }

    private static int GetInt(ref this Utf8JsonReader reader, string name)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetInt32(out var number)
                    ? number
                    : throw new JsonException($"DashScope's answer has {name} as a number that is not a 32-bit integer.");
            case JsonTokenType.String:
                // A numeric string is parsed whole, as the serializer's AllowReadingFromString does; escapes are rare enough to allocate for.
                var digits = reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(reader.GetText(name)) : reader.ValueSpan;
                return Utf8Parser.TryParse(digits, out int parsed, out var consumed) && consumed == digits.Length
                    ? parsed
                    : throw new JsonException($"DashScope's answer has {name} as a string that is not an integer.");
            case var token:
                throw WrongKind(name, token, "an integer");
        }
    }

    private static JsonException NotText(string name, Exception? cause = null) =>
        new($"DashScope's answer has {name} in text that is not valid Unicode.", cause);

    private static JsonException WrongKind(string name, JsonTokenType token, string expected) =>
        new($"DashScope's answer has {name} as {token} where {expected} belongs.");
}

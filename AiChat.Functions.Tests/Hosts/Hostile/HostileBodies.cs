using System.IO.Compression;

namespace AiChat.Functions.Tests.Hosts.Hostile;

/// <summary>The hostile request bodies, one list per way a body can be wrong.</summary>
public static class HostileBodies
{
    /// <summary>Text the JSON reader accepts as syntax but cannot turn into a string: bad escapes and bad UTF-8 bytes.</summary>
    public static readonly byte[][] BadText =
    [
        .. new[] { @"\ud800", @"\udbff", @"\udfff", @"\udc00\ud800", @"\ud800x", @"\ud800\u0041", @"\ud800\ud800" }.Select(HostileRequest.Utf8),
        [0xFF],
        [0x80],
        [0xC0, 0xAF],
        [0xED, 0xA0, 0x80],
        [0xE4, 0xBD],
        [0xF8, 0x88, 0x80, 0x80, 0x80],
        [0xF4, 0x90, 0x80, 0x80],
    ];

    /// <summary>Invisible or blank text: a message made only of these says nothing.</summary>
    public static readonly string[] BlankText =
    [
        "", " ", "\t\r\n", "\u00a0", "\u3000", "\u200b", "\u200b\u200c\u200d", "\ufeff", "\u2060", "\u00ad", "\u202e",
        "\u2028\u2029", "\u3164", "\u115f", "\u034f", "\ufe0f", "\ud834\udd73", "\u180e", "\u0000", "\u200b \u200b", "\u2800",
    ];

    private static readonly string[] CharsetNames =
        ["utf-16", "UTF-16LE", "utf-16be", "utf-32", "iso-8859-1", "latin1", "windows-1252", "gbk", "gb18030", "shift_jis", "us-ascii", "utf-7", "\"\""];

    private static readonly string[] Encodings = ["gzip", "deflate", "br", "gzip, gzip", "compress", "x-unknown"];

    private static readonly string[] UserlessConversations =
    [
        """[{"role":"system","content":"You are helpful."}]""",
        """[{"role":"assistant","content":"Hello!"}]""",
        """[{"role":"system","content":"You are helpful."},{"role":"assistant","content":"Hello!"}]""",
        """[{"role":"system","content":"a"},{"role":"system","content":"b"}]""",
    ];

    private static readonly int[] MessageCountsOverTheLimit = [201, 1000, 5000];

    private static readonly string[] BodyPaths = ["/api/chat/completions", "/api/chat/stream", "/api/chat/events"];

    private static readonly string[] MessagesPaths = ["/api/chat/completions", "/api/chat/stream"];

    public static IEnumerable<HostileRequest> BadStrings() =>
        from slot in JsonSlot.All
        from text in BadText
        select new HostileRequest($"{Describe(text)} in {slot.Field}", slot.Path, slot.Fill(text), 400, slot.Field);

    public static IEnumerable<HostileRequest> Charsets() =>
        from path in BodyPaths
        from charset in CharsetNames
        select new HostileRequest($"charset={charset}", path, Encode(ValidBody(path), charset), 415)
        {
            ContentType = $"application/json; charset={charset}",
        };

    public static IEnumerable<HostileRequest> ContentEncodings() =>
        from path in BodyPaths
        from encoding in Encodings
        select new HostileRequest($"Content-Encoding: {encoding}", path, Compress(HostileRequest.Utf8(ValidBody(path)), encoding), 415)
        {
            ContentEncoding = encoding,
        };

    public static IEnumerable<HostileRequest> Conversations() =>
        from path in MessagesPaths
        from messages in UserlessConversations
        select new HostileRequest($"no user message: {messages}", path, HostileRequest.Utf8($$"""{"messages":{{messages}}}"""), 400, "messages");

    public static IEnumerable<HostileRequest> BlankMessages() =>
        from text in BlankText
        select new HostileRequest($"blank message {Describe(Encoding.UTF8.GetBytes(text))}", "/api/chat/events",
            HostileRequest.Utf8($$"""{"message":{{JsonSerializer.Serialize(text)}}}"""), 400, "message");

    public static IEnumerable<HostileRequest> MessageCounts() =>
        from path in MessagesPaths
        from count in MessageCountsOverTheLimit
        select new HostileRequest($"{count} messages", path, HostileRequest.Utf8(
            $$"""{"messages":[{{string.Join(',', Enumerable.Range(0, count).Select(i => i % 2 == 0 ? """{"role":"user","content":"q"}""" : """{"role":"assistant","content":"a"}"""))}}]}"""),
            400, "messages");

    public static IEnumerable<HostileRequest> Syntax() =>
        from path in BodyPaths
        from body in new (string Description, byte[] Bytes)[]
        {
            ("empty body", []),
            ("whitespace only", HostileRequest.Utf8(" \r\n\t ")),
            ("UTF-8 byte order mark", [0xEF, 0xBB, 0xBF, .. HostileRequest.Utf8(ValidBody(path))]),
            ("truncated", HostileRequest.Utf8(ValidBody(path)[..^3])),
            ("trailing garbage", HostileRequest.Utf8(ValidBody(path) + "}x")),
            ("two documents", HostileRequest.Utf8(ValidBody(path) + ValidBody(path))),
            ("comment", HostileRequest.Utf8("/* hi */" + ValidBody(path))),
            ("single quotes", HostileRequest.Utf8(ValidBody(path).Replace('"', '\''))),
            ("NaN", HostileRequest.Utf8(ValidBody(path)[..^1] + ",\"temperature\":NaN}")),
            ("raw NUL in a string", HostileRequest.Utf8(ValidBody(path).Replace("hi", "h\0i", StringComparison.Ordinal))),
            ("raw newline in a string", HostileRequest.Utf8(ValidBody(path).Replace("hi", "h\ni", StringComparison.Ordinal))),
            ("bad escape", HostileRequest.Utf8(ValidBody(path).Replace("hi", @"h\qi", StringComparison.Ordinal))),
            ("short unicode escape", HostileRequest.Utf8(ValidBody(path).Replace("hi", @"h\u12i", StringComparison.Ordinal))),
            ("nesting 100 deep", HostileRequest.Utf8(ValidBody(path)[..^1] + ",\"x\":" + new string('[', 100) + new string(']', 100) + "}")),
            ("nesting 100000 deep", HostileRequest.Utf8(new string('[', 100_000))),
        }
        select new HostileRequest(body.Description, path, body.Bytes, 400, "body");

    public static IEnumerable<HostileRequest> All() =>
        [.. BadStrings(), .. Charsets(), .. ContentEncodings(), .. Conversations(), .. BlankMessages(), .. MessageCounts(), .. Syntax()];

    public static string ValidBody(string path) =>
        path == "/api/chat/events" ? """{"message":"hi café 你好"}""" : """{"messages":[{"role":"user","content":"hi café 你好"}]}""";

    private static string Describe(byte[] text) =>
        text.All(b => b is >= 0x20 and < 0x7F) ? Encoding.ASCII.GetString(text) : Convert.ToHexString(text);

    private static byte[] Encode(string body, string charset) => charset.ToLowerInvariant() switch
    {
        "utf-16" or "utf-16le" => Encoding.Unicode.GetBytes(body),
        "utf-16be" => Encoding.BigEndianUnicode.GetBytes(body),
        "utf-32" => Encoding.UTF32.GetBytes(body),
        "us-ascii" => Encoding.ASCII.GetBytes(body),
        _ => Encoding.Latin1.GetBytes(body),
    };

    /// <summary>The body compressed as <paramref name="encoding"/> says, or as it is for a coding nobody implements.</summary>
    private static byte[] Compress(byte[] body, string encoding)
    {
        if (encoding is not ("gzip" or "deflate" or "br"))
        {
            return body;
        }

        var output = new MemoryStream();
        using (Stream compressor = encoding switch
        {
            "gzip" => new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true),
            "deflate" => new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true),
            _ => new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true),
        })
        {
            compressor.Write(body);
        }

        return output.ToArray();
    }
}

namespace AiChat.Functions.Tests.Hosts.Hostile;

/// <summary>Malformed request framing: broken chunked encoding, bodies shorter than declared, broken heads.</summary>
public static class HostileFramings
{
    private static readonly string[] Paths = ["/api/chat/completions", "/api/chat/stream", "/api/chat/events"];

    /// <summary>Framing errors in the body, which Kestrel finds only while the application reads it.</summary>
    public static IEnumerable<HostileFraming> BodyFramings() =>
        from path in Paths
        from framing in BodyFramings(HostileBodies.ValidBody(path))
        select new HostileFraming($"{framing.Description} -> {path}", [.. RawHttp.Head(path, [.. framing.Headers, "Content-Type: application/json"]), .. Encoding.UTF8.GetBytes(framing.Body)]);

    /// <summary>Framing errors in the head, which Kestrel answers before the application sees the request.</summary>
    public static IEnumerable<HostileFraming> HeadFramings() =>
        from path in Paths
        from framing in new (string Description, string Head)[]
        {
            ("Transfer-Encoding not ending in chunked", Head(path, "Transfer-Encoding: gzip")),
            ("Content-Length not a number", Head(path, "Content-Length: abc")),
            ("negative Content-Length", Head(path, "Content-Length: -1")),
            ("two different Content-Lengths", Head(path, "Content-Length: 5", "Content-Length: 6")),
            ("header line without a colon", Head(path, "Content-Length 5")),
            ("space in a header name", Head(path, "Content Type: application/json")),
            ("NUL in a header value", Head(path, "X-Note: a\0b")),
            ("a 64 KB header", Head(path, "X-Big: " + new string('a', 64 * 1024))),
            ("junk after the HTTP version", $"POST {path} HTTP/1.1 junk\r\nHost: x\r\n\r\n"),
        }
        select new HostileFraming($"{framing.Description} -> {path}", Encoding.Latin1.GetBytes(framing.Head + """{"message":"hi"}"""), AppAnswers: false);

    private static IEnumerable<(string Description, string[] Headers, string Body)> BodyFramings(string body)
    {
        var length = Encoding.UTF8.GetByteCount(body);
        string[] chunked = ["Transfer-Encoding: chunked"];
        return
        [
            ("chunk size not hex", chunked, $"zz\r\n{body}\r\n0\r\n\r\n"),
            ("negative chunk size", chunked, $"-{length:x}\r\n{body}\r\n0\r\n\r\n"),
            ("chunk size overflowing 64 bits", chunked, $"fffffffffffffffffffff\r\n{body}\r\n0\r\n\r\n"),
            ("0x before the chunk size", chunked, $"0x{length:x}\r\n{body}\r\n0\r\n\r\n"),
            ("space before the chunk size", chunked, $" {length:x}\r\n{body}\r\n0\r\n\r\n"),
            ("empty chunk size line", chunked, $"\r\n{body}\r\n0\r\n\r\n"),
            ("no CRLF after the chunk data", chunked, $"{length:x}\r\n{body}0\r\n\r\n"),
            ("chunk data longer than its size", chunked, $"{length - 5:x}\r\n{body}\r\n0\r\n\r\n"),
            ("bare LF line endings", chunked, $"{length:x}\n{body}\n0\n\n"),
            ("bare CR after the chunk size", chunked, $"{length:x}\r{body}\r\n0\r\n\r\n"),
            ("malformed trailer", chunked, $"{length:x}\r\n{body}\r\n0\r\nbad trailer\r\n\r\n"),
            ("Content-Length 0 followed by a body", ["Content-Length: 0"], body),
        ];
    }

    private static string Head(string path, params string[] headers) =>
        $"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\n{string.Concat(headers.Select(h => h + "\r\n"))}\r\n";
}

using AiChat.Functions.Tests.Images;

namespace AiChat.Functions.Tests.Hosts.Hostile;

/// <summary>Hostile image parts: truncated files, polyglots, declared-size bombs, and a flood of tiny images in one body.</summary>
public static class HostileImages
{
    private const string Model = "qwen3.6-plus";

    public static IEnumerable<HostileRequest> Files()
    {
        var files = new (string Name, byte[] Bytes)[]
        {
            ("truncated png", TestImages.Truncated(TestImages.Png(300, 300))),
            ("truncated jpeg", TestImages.Truncated(TestImages.Jpeg(300, 300))),
            ("truncated webp", TestImages.Truncated(TestImages.Webp(300, 300))),
            ("png signature only", TestImages.Png(20, 20)[..8]),
            ("gif header then script", TestImages.GifScriptPolyglot()),
            ("png declaring 100000x100000", TestImages.PngDeclaring(100_000, 100_000)),
            ("png declaring 65535x65535", TestImages.PngDeclaring(65_535, 65_535)),
            ("png declaring 2^31-1 x 1", TestImages.PngDeclaring(int.MaxValue, 1)),
            ("png declaring 0x0", TestImages.PngDeclaring(0, 0)),
            ("gif declaring 65535x65535", GifDeclaring(65_535, 65_535)),
            ("svg with script", TestImages.Svg()),
            ("html", "<html><body><img src=x onerror=alert(1)></body></html>"u8.ToArray()),
            ("empty", []),
        };

        foreach (var (name, bytes) in files)
        {
            var url = TestImages.DataUrl(bytes);
            yield return new HostileRequest($"{name} in content parts", "/api/chat/completions", Parts(url), 400, "messages[0].content[1]");
            yield return new HostileRequest($"{name} in images", "/api/chat/events", Events(url), 400, "images[0]");
        }
    }

    /// <summary>
    /// Floods of images in one body: a million empty data URLs, and a hundred thousand valid tiny PNGs. As parts, their
    /// wrappers alone are megabytes of text over MAX_REQUEST_BODY_BYTES (413); as an images array, the first bad one
    /// or the first one over MAX_IMAGES_PER_REQUEST is named (400), before any is decoded.
    /// </summary>
    public static IEnumerable<HostileRequest> Floods()
    {
        var tiny = TestImages.DataUrl(TestImages.Png(10, 10));
        yield return new HostileRequest("a million empty image parts", "/api/chat/completions", PartsBody(Enumerable.Repeat("data:,", 1_000_000)), 413);
        yield return new HostileRequest("a million empty images", "/api/chat/events", ImagesBody(Enumerable.Repeat("data:,", 1_000_000)), 400, "images[0]");
        yield return new HostileRequest("100000 tiny image parts", "/api/chat/completions", PartsBody(Enumerable.Repeat(tiny, 100_000)), 413);
        yield return new HostileRequest("100000 tiny images", "/api/chat/events", ImagesBody(Enumerable.Repeat(tiny, 100_000)), 400, "images[8]");
    }

    private static byte[] PartsBody(IEnumerable<string> urls)
    {
        var body = new StringBuilder("""{"model":"qwen3.6-plus","messages":[{"role":"user","content":[{"type":"text","text":"flood"}""");
        foreach (var url in urls)
        {
            body.Append(",{\"type\":\"image_url\",\"image_url\":{\"url\":\"").Append(url).Append("\"}}");
        }

        return HostileRequest.Utf8(body.Append("]}]}").ToString());
    }

    private static byte[] ImagesBody(IEnumerable<string> urls) =>
        HostileRequest.Utf8("""{"model":"qwen3.6-plus","message":"flood","images":[""" + string.Join(',', urls.Select(u => $"\"{u}\"")) + "]}");

    private static byte[] Parts(string url) =>
        HostileRequest.Utf8($$$"""{"model":"{{{Model}}}","messages":[{"role":"user","content":[{"type":"text","text":"look"},{"type":"image_url","image_url":{"url":"{{{url}}}"}}]}]}""");

    private static byte[] Events(string url) => HostileRequest.Utf8($$"""{"model":"{{Model}}","message":"look","images":["{{url}}"]}""");

    /// <summary>A GIF whose logical screen and only image declare the given size, with one byte of pixel data.</summary>
    private static byte[] GifDeclaring(int width, int height)
    {
        var (w0, w1, h0, h1) = ((byte)width, (byte)(width >> 8), (byte)height, (byte)(height >> 8));
        return [.. "GIF89a"u8, w0, w1, h0, h1, 0x00, 0x00, 0x00, 0x2C, 0, 0, 0, 0, w0, w1, h0, h1, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3B];
    }
}

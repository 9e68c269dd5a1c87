namespace AiChat.Functions.Tests.Support;

/// <summary>An HTTP/1.1 response as it came off the socket: status, headers and the body (de-chunked).</summary>
public sealed record RawHttpResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? ContentType => Headers.GetValueOrDefault("content-type");

    /// <summary>Parses everything the server sent before it closed the connection.</summary>
    public static RawHttpResponse Parse(byte[] bytes)
    {
        var headerEnd = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        if (headerEnd < 0)
        {
            throw new FormatException($"No complete response head in {bytes.Length} bytes: '{Encoding.Latin1.GetString(bytes)}'");
        }

        var lines = Encoding.Latin1.GetString(bytes, 0, headerEnd).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = lines.Skip(1)
            .Select(line => line.Split(':', 2))
            .ToDictionary(parts => parts[0].Trim().ToLowerInvariant(), parts => parts[1].Trim());
        var body = bytes[(headerEnd + 4)..];
        return new RawHttpResponse(status, headers, headers.GetValueOrDefault("transfer-encoding") == "chunked" ? Dechunk(body) : body);
    }

    private static byte[] Dechunk(byte[] body)
    {
        var output = new MemoryStream();
        var position = 0;
        while (true)
        {
            var lineEnd = body.AsSpan(position).IndexOf("\r\n"u8);
            var size = Convert.ToInt32(Encoding.ASCII.GetString(body, position, lineEnd).Split(';')[0], 16);
            position += lineEnd + 2;
            if (size == 0)
            {
                return output.ToArray();
            }

            output.Write(body, position, size);
            position += size + 2;
        }
    }
}

namespace AiChat.Core.Images;

/// <summary>
/// An image of a chat message, checked and re-encoded from its decoded pixels (so none of the original's metadata
/// is kept): its media type, its size in pixels and its bytes. Stored with the session, sent upstream as a data URL.
/// </summary>
internal sealed record ChatImage(string MediaType, int Width, int Height, byte[] Data)
{
    /// <summary>The encoded size, which the session's image budget counts (the Redis store's script reads it).</summary>
    [JsonPropertyName("size")]
    public int Size => Data.Length;

    /// <summary>With ALLOW_IMAGE_URLS, an http(s) URL passed on as it came (no bytes, type or size known here).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Url { get; init; }

    public bool Equals(ChatImage? other) =>
        other is not null && Url == other.Url && MediaType == other.MediaType && Width == other.Width && Height == other.Height && Data.AsSpan().SequenceEqual(other.Data);

    public override int GetHashCode() => HashCode.Combine(MediaType, Width, Height, Data.Length);

    public static ChatImage FromUrl(string url) => new("", 0, 0, []) { Url = url };

    public override string ToString() => Url is null ? $"{MediaType} {Width}x{Height}, {Data.Length} bytes" : "an image URL";
}

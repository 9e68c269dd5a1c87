namespace AiChat.Functions.Tests.Hosts.Hostile;

/// <summary>One request of the hostile corpus, and what the server must answer it with.</summary>
public sealed record HostileRequest(string Description, string Path, byte[] Body, int ExpectedStatus, string? ExpectedField = null)
{
    public string ContentType { get; init; } = "application/json";

    public string? ContentEncoding { get; init; }

    public override string ToString() => $"{Description} -> {Path}";

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}

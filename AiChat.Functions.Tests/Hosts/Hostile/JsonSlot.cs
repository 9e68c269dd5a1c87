namespace AiChat.Functions.Tests.Hosts.Hostile;

/// <summary>A request body with one place (§) where hostile text goes, and the field an error about that text names.</summary>
public sealed record JsonSlot(string Path, string Template, string Field)
{
    public static readonly JsonSlot[] MessagesRoutes =
    [
        .. new[] { "/api/chat/completions", "/api/chat/stream" }.SelectMany(path => new JsonSlot[]
        {
            new(path, """{"messages":[{"role":"user","content":"hi §"}]}""", "messages[0].content"),
            new(path, """{"messages":[{"role":"system","content":"be brief"},{"role":"user","content":"§"}]}""", "messages[1].content"),
            new(path, """{"messages":[{"role":"us§er","content":"hi"}]}""", "messages[0].role"),
            new(path, """{"model":"qwen-§plus","messages":[{"role":"user","content":"hi"}]}""", "model"),
            new(path, """{"session_id":"§","messages":[{"role":"user","content":"hi"}]}""", "session_id"),
            new(path, """{"§":1,"messages":[{"role":"user","content":"hi"}]}""", "body"),
            new(path, """{"messages":[{"role":"user","content":"hi","x-§":true}]}""", "messages[0]"),
            new(path, """{"metadata":"§","messages":[{"role":"user","content":"hi"}]}""", "metadata"),
            new(path, """{"messages":[{"role":"user","content":"hi"}],"metadata":{"tags":["ok","§"]}}""", "metadata.tags[1]"),
        }),
    ];

    public static readonly JsonSlot[] MessageRoute =
    [
        new("/api/chat/events", """{"message":"hi §"}""", "message"),
        new("/api/chat/events", """{"message":"hi","model":"§"}""", "model"),
        new("/api/chat/events", """{"message":"hi","session_id":"§"}""", "session_id"),
        new("/api/chat/events", """{"message":"hi","§":null}""", "body"),
        new("/api/chat/events", """{"message":"hi","client":{"name":"§"}}""", "client.name"),
    ];

    public static IEnumerable<JsonSlot> All => [.. MessagesRoutes, .. MessageRoute];

    /// <summary>The body with <paramref name="text"/>'s bytes, as they are, in the slot.</summary>
    public byte[] Fill(ReadOnlySpan<byte> text)
    {
        var at = Template.IndexOf('§', StringComparison.Ordinal);
        return [.. Encoding.UTF8.GetBytes(Template[..at]), .. text, .. Encoding.UTF8.GetBytes(Template[(at + 1)..])];
    }
}

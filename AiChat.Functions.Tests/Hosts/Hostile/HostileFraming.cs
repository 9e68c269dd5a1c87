namespace AiChat.Functions.Tests.Hosts.Hostile;

/// <summary>One malformed request as raw bytes. <see cref="AppAnswers"/> is false where Kestrel refuses the request head
/// itself, before any application code runs: it answers those with an empty body, on either host.</summary>
public sealed record HostileFraming(string Description, byte[] Request, bool AppAnswers = true)
{
    public override string ToString() => Description;
}

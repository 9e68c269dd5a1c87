namespace AiChat.Core.DashScope;

/// <param name="Source">Where the key is read from, e.g. "DASHSCOPE_API_KEY".</param>
/// <param name="Problem">Why no key can be had, or null when one can.</param>
internal sealed record ApiKeyStatus(string Source, string? Problem)
{
    public bool IsAvailable => Problem is null;
}

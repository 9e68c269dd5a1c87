namespace AiChat.Core.DashScope.Wire;

/// <summary>The <c>message</c> or <c>delta</c> object of a choice; only its text matters here.</summary>
internal sealed class WireText
{
    public string? Content { get; set; }
}

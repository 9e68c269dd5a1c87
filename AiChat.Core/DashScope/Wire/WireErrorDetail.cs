namespace AiChat.Core.DashScope.Wire;

/// <summary>The <c>error</c> object of the OpenAI-compatible envelope.</summary>
internal sealed class WireErrorDetail
{
    public string? Message { get; set; }

    public string? Type { get; set; }

    public string? Code { get; set; }
}

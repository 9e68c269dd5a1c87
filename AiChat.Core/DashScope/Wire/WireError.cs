namespace AiChat.Core.DashScope.Wire;

/// <summary>Both error envelopes in one: OpenAI-compatible <c>{"error":{...}}</c> and native flat <c>{"code","message"}</c>.</summary>
internal sealed class WireError
{
    public WireErrorDetail? Error { get; set; }

    public string? Code { get; set; }

    public string? Message { get; set; }

    public string? RequestId { get; set; }
}

namespace AiChat.Core.DashScope.Wire;

/// <summary>A native answer or stream event; a flat error carries Code and Message instead of Output.</summary>
internal sealed class NativeChatResponse
{
    public NativeOutput? Output { get; set; }

    public NativeUsage? Usage { get; set; }

    public string? RequestId { get; set; }

    public string? Code { get; set; }

    public string? Message { get; set; }
}

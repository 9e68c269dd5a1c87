namespace AiChat.Core.DashScope.Wire;

internal sealed class WireFunctionCall
{
    public string? Name { get; set; }

    public string? Arguments { get; set; }
}

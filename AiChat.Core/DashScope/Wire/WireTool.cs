namespace AiChat.Core.DashScope.Wire;

/// <summary>One entry of <c>tools</c>: <c>{"type":"function","function":{name, description, parameters}}</c>.</summary>
internal sealed record WireTool(WireFunctionDeclaration Function)
{
    public string Type { get; } = "function";
}

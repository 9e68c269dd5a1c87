using AiChat.Core.Geo;

namespace AiChat.Core.Assistant;

/// <summary>What the rounds of one turn share: the calls spent and every result so far, by tool and arguments.</summary>
internal sealed class ToolTurnState(IReadOnlyCollection<string> registeredNames)
{
    public IReadOnlyCollection<string> RegisteredNames => registeredNames;

    public int CallsUsed { get; set; }

    public Dictionary<string, Task<GeoToolResult>> Results { get; } = new(StringComparer.Ordinal);
}

namespace AiChat.Core.Geo;

/// <summary>One of the five tools: its arguments read, AMap asked, its result and events made.</summary>
internal interface IGeoTool
{
    string Name { get; }

    /// <exception cref="AMap.AMapException">AMap failed; <see cref="NoResult"/> answers a no_result.</exception>
    Task<GeoToolResult> RunAsync(GeoTurn turn, GeoToolCall toolCall, GeoArguments arguments, CancellationToken cancellationToken);

    /// <summary>The tool's normal shape with nothing in it, and what the map should do about that.</summary>
    GeoToolResult NoResult(GeoTurn turn, GeoToolCall toolCall);
}

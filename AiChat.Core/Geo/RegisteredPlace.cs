namespace AiChat.Core.Geo;

/// <summary>A place a tool returned: what show_on_map needs to put it on the map again.</summary>
/// <param name="Position">GCJ-02.</param>
internal sealed record RegisteredPlace(string Id, string Name, string? Address, string? District, string? Category, GeoPoint Position);

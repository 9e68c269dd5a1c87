namespace AiChat.Core.Geo;

/// <summary>The geo assistant's tools (docs/geo-assistant.md#the-five-tools) and the start of a turn that uses them. Registered as a singleton by <see cref="GeoServiceCollectionExtensions.AddGeoTools"/>.</summary>
internal interface IGeoTools
{
    /// <summary>GEO_ASSISTANT resolved: on, off, or auto (= on with an AMap key or the embedded AMap emulator).</summary>
    bool IsEnabled { get; }

    /// <summary>The tools in the order they are offered to the model; each declares itself (name, description, parameters).</summary>
    IReadOnlyList<GeoTool> Declarations { get; }

    /// <summary>
    /// Starts a turn: validates nothing (the request parser did), converts the user's location to GCJ-02,
    /// reverse-geocodes it once (cached) and opens the place registry of the session (or of the turn when
    /// <paramref name="sessionId"/> is null).
    /// </summary>
    Task<GeoTurn> BeginTurnAsync(string? sessionId, ClientContext? clientContext, CancellationToken cancellationToken);

    /// <returns>The tool of that name, or null when the model named one that is not offered.</returns>
    GeoTool? Find(string name) => Declarations.FirstOrDefault(tool => tool.Name == name);
}

namespace AiChat.Core.Geo;

/// <summary>The five geo tools of docs/geo-assistant.md#the-five-tools, executed against AMap. Registered as a singleton by <see cref="GeoServiceCollectionExtensions.AddGeoTools"/>.</summary>
internal interface IGeoTools
{
    /// <summary>GEO_ASSISTANT resolved: on, off, or auto (= on with an AMap key or the embedded AMap emulator).</summary>
    bool IsEnabled { get; }

    /// <summary>The five declarations (docs/geo-assistant.md#the-five-tools): name, description, parameters (JSON schema object).</summary>
    IReadOnlyList<GeoToolDeclaration> Declarations { get; }

    /// <summary>
    /// Starts a turn: validates nothing (the request parser did), converts the user's location to GCJ-02,
    /// reverse-geocodes it once (cached) and opens the place registry of the session (or of the turn when
    /// <paramref name="sessionId"/> is null).
    /// </summary>
    Task<GeoTurn> BeginTurnAsync(string? sessionId, ClientContext? clientContext, CancellationToken cancellationToken);

    /// <summary>
    /// Runs one call: argument validation (docs/geo-assistant.md#the-five-tools rules), AMap calls, projection for the model (docs/geo-assistant.md#what-the-model-sees), the UI events
    /// (docs/geo-assistant.md#events map_action / geo_card) derived from provider positions only. Never throws for AMap trouble or bad
    /// arguments: those are a failed result with its error_code. Throws only <see cref="OperationCanceledException"/>.
    /// </summary>
    Task<GeoToolResult> InvokeAsync(GeoTurn turn, GeoToolCall toolCall, CancellationToken cancellationToken);
}

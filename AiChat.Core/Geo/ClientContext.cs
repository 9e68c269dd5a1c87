namespace AiChat.Core.Geo;

/// <summary><c>client_context</c> of docs/geo-assistant.md#client-context, already validated.</summary>
/// <param name="MapCrs">The CRS of the frontend's map, <see cref="GeoCrs.Gcj02"/> or <see cref="GeoCrs.Wgs84"/>.</param>
/// <param name="Location">The user's position, or null.</param>
internal sealed record ClientContext(string MapCrs, GeoLocation? Location);

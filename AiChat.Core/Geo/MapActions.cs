using System.Text.Json.Nodes;

namespace AiChat.Core.Geo;

/// <summary>
/// The map_action events of one call (docs/geo-assistant.md#events), numbered <c>&lt;call_id&gt;:&lt;n&gt;</c> and written in the
/// map's CRS. Positions come only from places the backend holds, never from anything the model wrote.
/// </summary>
internal sealed class MapActions(string callId, string crs)
{
    public const int MaxMarkers = 20;

    private readonly List<GeoEvent> _events = [];

    public IReadOnlyList<GeoEvent> Events => _events;

    public MapActions AddMarkers(string layer, IReadOnlyList<RegisteredPlace> places, bool ranked)
    {
        var markers = new JsonArray();
        foreach (var (place, index) in places.Take(MaxMarkers).Select((place, index) => (place, index)))
        {
            var marker = new JsonObject { ["id"] = place.Id, ["position"] = GeoJson.Position(place.Position, crs), ["title"] = place.Name }
                .AddIf("subtitle", place.Address ?? place.District)
                .AddIf("category", place.Category);
            if (ranked)
            {
                marker["rank"] = index + 1;
            }

            // As a JsonNode: JsonArray.Add<T> would serialize by reflection, which the native self-host cannot.
            markers.Add((JsonNode)marker);
        }

        return Add(new JsonObject { ["kind"] = "add_markers", ["layer"] = layer, ["replace"] = true, ["markers"] = markers });
    }

    /// <summary>fit_bounds around two or more distinct positions, else fly_to the one at <paramref name="zoom"/>.</summary>
    public MapActions Frame(IReadOnlyList<RegisteredPlace> places, int zoom)
    {
        var positions = places.Take(MaxMarkers).Select(p => ChinaCoordinates.FromGcj(p.Position, crs))
            .Select(p => new GeoPoint(Math.Round(p.Lng, 6), Math.Round(p.Lat, 6))).Distinct().ToList();
        if (positions.Count == 0)
        {
            return this;
        }

        if (positions.Count == 1)
        {
            return FlyTo(places[0], zoom);
        }

        return Add(new JsonObject
        {
            ["kind"] = "fit_bounds",
            ["bounds"] = new JsonArray(
                new JsonArray(positions.Min(p => p.Lng), positions.Min(p => p.Lat)),
                new JsonArray(positions.Max(p => p.Lng), positions.Max(p => p.Lat))),
            ["padding_px"] = 48,
            ["max_zoom"] = 16,
        });
    }

    public MapActions FlyTo(RegisteredPlace place, int zoom) =>
        Add(new JsonObject { ["kind"] = "fly_to", ["center"] = GeoJson.Position(place.Position, crs), ["zoom"] = Math.Clamp(zoom, 3, 18) });

    public MapActions RemoveLayer(string layer) => Add(new JsonObject { ["kind"] = "remove_markers", ["layer"] = layer });

    public MapActions Highlight(string layer, string id) => Add(new JsonObject { ["kind"] = "highlight", ["layer"] = layer, ["id"] = id });

    private MapActions Add(JsonObject action)
    {
        _events.Add(new GeoEvent("map_action", GeoJson.Element(new JsonObject
        {
            ["action_id"] = $"{callId}:{_events.Count + 1}",
            ["crs"] = crs,
            ["action"] = action,
        })));
        return this;
    }
}

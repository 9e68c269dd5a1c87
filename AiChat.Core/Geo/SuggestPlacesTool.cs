using System.Text.Json.Nodes;
using AiChat.Core.Geo.AMap;

namespace AiChat.Core.Geo;

/// <summary>suggest_places: AMap's input tips, those without a position dropped. No map events.</summary>
internal sealed class SuggestPlacesTool(AMapClient amap) : IGeoTool
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromHours(24);

    public string Name => GeoToolNames.SuggestPlaces;

    public async Task<GeoToolResult> RunAsync(GeoTurn turn, GeoToolCall toolCall, GeoArguments arguments, CancellationToken cancellationToken)
    {
        var keywords = arguments.Text("keywords", 80, required: true);
        var city = arguments.City();
        if (arguments.Problem is { } problem)
        {
            return GeoFailure.InvalidArguments(problem.Field, problem.Rule);
        }

        var query = new AMapQuery("/v3/assistant/inputtips").Add("keywords", keywords).Add("city", city)
            .Add("citylimit", city is null ? null : "true").Add("datatype", "all")
            .Add("location", turn.UserPosition is { } user ? AMapJson.Format(user) : null);
        var answer = await amap.GetAsync(query, CacheFor, cancellationToken);

        List<RegisteredPlace> places = [];
        List<JsonObject> items = [];
        foreach (var tip in AMapJson.Array(answer, "tips"))
        {
            if (PlaceSearchTool.Place(tip) is not { } place)
            {
                continue;
            }

            var district = GeoText.Clean(AMapJson.String(tip, "district"));
            places.Add(place with { District = district });
            items.Add(new JsonObject { ["id"] = place.Id, ["name"] = place.Name }.AddIf("district", district).AddIf("address", place.Address));
        }

        if (items.Count == 0)
        {
            return NoResult(turn, toolCall);
        }

        var (content, count) = GeoProjection.List("suggestions", items);
        places[..count].ForEach(turn.Places.Remember);
        return new GeoToolResult(true, null, count, content, []);
    }

    public GeoToolResult NoResult(GeoTurn turn, GeoToolCall toolCall) =>
        new(false, AMapErrorCodes.NoResult, null, GeoProjection.List("suggestions", []).Content, []);
}

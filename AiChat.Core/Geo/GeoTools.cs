using System.Globalization;
using AiChat.Core.Geo.AMap;

namespace AiChat.Core.Geo;

/// <summary>The geo tools registered by <see cref="GeoServiceCollectionExtensions.AddGeoTools"/>, and the turns that use them.</summary>
internal sealed class GeoTools(IOptions<GeoOptions> options, AMapClient amap, SessionPlaces sessions, IEnumerable<GeoTool> tools) : IGeoTools
{
    private static readonly TimeSpan RegeoCache = TimeSpan.FromMinutes(10);

    /// <summary>The reverse geocode before the first model call may take as long as one tool call (docs/geo-assistant.md#timeouts-retries-and-caching: 6 s).</summary>
    private static readonly TimeSpan RegeoBudget = TimeSpan.FromSeconds(6);

    public bool IsEnabled => options.Value.IsEnabled;

    public IReadOnlyList<GeoTool> Declarations { get; } = [.. tools];

    public async Task<GeoTurn> BeginTurnAsync(string? sessionId, ClientContext? clientContext, CancellationToken cancellationToken)
    {
        var places = sessionId is null ? new PlaceRegistry() : sessions.For(sessionId);
        var mapCrs = clientContext?.MapCrs ?? GeoCrs.Gcj02;
        if (clientContext?.Location is not { } location)
        {
            return new GeoTurn(mapCrs, userPosition: null, locationNote: null, places);
        }

        var user = ChinaCoordinates.ToGcj(new GeoPoint(location.Lng, location.Lat), location.Crs);
        return new GeoTurn(mapCrs, user, await LocationNoteAsync(user, cancellationToken), places);
    }

    /// <summary>"用户当前位于北京市海淀区。" from a reverse geocode of the position rounded to 3 decimals (about 100 m), or null.</summary>
    private async Task<string?> LocationNoteAsync(GeoPoint user, CancellationToken cancellationToken)
    {
        var rounded = string.Create(CultureInfo.InvariantCulture, $"{Math.Round(user.Lng, 3):0.000},{Math.Round(user.Lat, 3):0.000}");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(RegeoBudget);
        try
        {
            var answer = await amap.GetAsync(new AMapQuery("/v3/geocode/regeo").Add("location", rounded), RegeoCache, deadline.Token);
            var area = AMapJson.Object(answer, "regeocode") is { } regeo ? AMapJson.Object(regeo, "addressComponent") : null;
            if (area is not { } component)
            {
                return null;
            }

            var province = AMapJson.String(component, "province");
            var city = AMapJson.String(component, "city");
            var district = AMapJson.String(component, "district");
            var place = GeoText.Clean(province + (city == province ? null : city) + district);
            return place is null ? null : $"用户当前位于{place}。";
        }
        catch (AMapException)
        {
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}

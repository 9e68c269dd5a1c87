using System.Globalization;
using AiChat.Core.Geo.AMap;
using Microsoft.Extensions.Options;

namespace AiChat.Core.Geo;

/// <summary>The five geo tools over AMap (docs/geo-assistant.md#the-five-tools).</summary>
internal sealed class GeoTools : IGeoTools
{
    private static readonly TimeSpan RegeoCache = TimeSpan.FromMinutes(10);

    private readonly IOptions<GeoOptions> _options;
    private readonly AMapClient _amap;
    private readonly SessionPlaces _sessions;
    private readonly Dictionary<string, IGeoTool> _tools;

    public GeoTools(IOptions<GeoOptions> options, AMapClient amap, SessionPlaces sessions)
    {
        _options = options;
        _amap = amap;
        _sessions = sessions;
        _tools = new IGeoTool[] { new WeatherTool(amap), new PlaceSearchTool(amap), new SuggestPlacesTool(amap), new GeocodeTool(amap), new ShowOnMapTool() }
            .ToDictionary(tool => tool.Name, StringComparer.Ordinal);
    }

    /// <summary>How long one call may take, AMap requests and retry included (docs/geo-assistant.md#timeouts-retries-and-caching: 6 s).</summary>
    public TimeSpan ToolTimeout { get; init; } = TimeSpan.FromSeconds(6);

    public bool IsEnabled => _options.Value.IsEnabled;

    public IReadOnlyList<GeoToolDeclaration> Declarations => GeoToolDeclarations.All;

    public async Task<GeoTurn> BeginTurnAsync(string? sessionId, ClientContext? clientContext, CancellationToken cancellationToken)
    {
        var places = sessionId is null ? new PlaceRegistry() : _sessions.For(sessionId);
        var mapCrs = clientContext?.MapCrs ?? GeoCrs.Gcj02;
        if (clientContext?.Location is not { } location)
        {
            return new GeoTurn(mapCrs, userPosition: null, locationNote: null, places);
        }

        var user = ChinaCoordinates.ToGcj(new GeoPoint(location.Lng, location.Lat), location.Crs);
        return new GeoTurn(mapCrs, user, await LocationNoteAsync(user, cancellationToken), places);
    }

    public async Task<GeoToolResult> InvokeAsync(GeoTurn turn, GeoToolCall toolCall, CancellationToken cancellationToken)
    {
        if (!_tools.TryGetValue(toolCall.Name, out var tool))
        {
            return GeoFailure.UnknownTool();
        }

        var arguments = GeoArguments.Parse(toolCall.ArgumentsJson);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(ToolTimeout);
        try
        {
            return await tool.RunAsync(turn, toolCall, arguments, deadline.Token);
        }
        catch (AMapException e) when (e.ErrorCode == AMapErrorCodes.NoResult)
        {
            return tool.NoResult(turn, toolCall);
        }
        catch (AMapException e)
        {
            return GeoFailure.Of(e.ErrorCode);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return GeoFailure.Of(AMapErrorCodes.Timeout);
        }
    }

    /// <summary>"用户当前位于北京市海淀区。" from a reverse geocode of the position rounded to 3 decimals (about 100 m), or null.</summary>
    private async Task<string?> LocationNoteAsync(GeoPoint user, CancellationToken cancellationToken)
    {
        var rounded = string.Create(CultureInfo.InvariantCulture, $"{Math.Round(user.Lng, 3):0.000},{Math.Round(user.Lat, 3):0.000}");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(ToolTimeout);
        try
        {
            var answer = await _amap.GetAsync(new AMapQuery("/v3/geocode/regeo").Add("location", rounded), RegeoCache, deadline.Token);
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

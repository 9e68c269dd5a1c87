namespace AiChat.Core.Geo;

/// <summary>The names of the five tools.</summary>
internal static class GeoToolNames
{
    public const string GetWeather = "get_weather";
    public const string SearchPlaces = "search_places";
    public const string SuggestPlaces = "suggest_places";
    public const string Geocode = "geocode";
    public const string ShowOnMap = "show_on_map";
}

namespace AiChat.Core.Geo;

/// <summary>The fixed tool_status <c>label</c> of a started call (docs/geo-assistant.md#events).</summary>
internal static class GeoToolLabels
{
    /// <returns>The label, or null for a name that is not one of the five tools.</returns>
    public static string? For(string toolName) => toolName switch
    {
        GeoToolNames.GetWeather => "正在查询天气…",
        GeoToolNames.SearchPlaces => "正在搜索地点…",
        GeoToolNames.SuggestPlaces => "正在查找候选地点…",
        GeoToolNames.Geocode => "正在解析地址…",
        GeoToolNames.ShowOnMap => "正在更新地图…",
        _ => null,
    };
}

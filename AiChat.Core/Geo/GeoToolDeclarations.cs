using System.Text.Json;

namespace AiChat.Core.Geo;

/// <summary>The five tool declarations (docs/geo-assistant.md#the-five-tools).</summary>
internal static class GeoToolDeclarations
{
    private const string Json = """
        [
         {"type":"function","function":{"name":"get_weather",
          "description":"查询中国城市（区县）的实况天气，或未来4天预报。",
          "parameters":{"type":"object","properties":{
            "city":{"type":"string","description":"城市或区县名，如 北京市、杭州市西湖区；或6位adcode，如 110105"},
            "forecast":{"type":"boolean","description":"true 时同时返回未来4天预报；默认 false，只返回实况"}},
           "required":["city"]}}},
         {"type":"function","function":{"name":"search_places",
          "description":"按关键词搜索地点(POI)。near_me=true 时以用户当前位置为中心搜索周边。",
          "parameters":{"type":"object","properties":{
            "keywords":{"type":"string","description":"关键词，如 咖啡馆、故宫"},
            "city":{"type":"string","description":"城市名或adcode，可选；给出时只在该城市内搜索"},
            "near_me":{"type":"boolean","description":"是否以用户当前位置为中心搜索周边，默认 false"},
            "radius_m":{"type":"integer","minimum":100,"maximum":50000,"description":"周边半径（米），默认3000"},
            "limit":{"type":"integer","minimum":1,"maximum":10,"description":"返回数量，默认5"}},
           "required":["keywords"]}}},
         {"type":"function","function":{"name":"suggest_places",
          "description":"根据不完整或有歧义的地名给出候选地点（输入提示），用于消除歧义。",
          "parameters":{"type":"object","properties":{
            "keywords":{"type":"string","description":"不完整的地名或关键词"},
            "city":{"type":"string","description":"城市名或adcode，可选"}},
           "required":["keywords"]}}},
         {"type":"function","function":{"name":"geocode",
          "description":"把地址或地标名称转换为坐标和行政区。",
          "parameters":{"type":"object","properties":{
            "address":{"type":"string","description":"地址或地标名，如 北京市朝阳区阜通东大街6号"},
            "city":{"type":"string","description":"城市名或adcode，可选"}},
           "required":["address"]}}},
         {"type":"function","function":{"name":"show_on_map",
          "description":"在用户的地图上展示之前工具结果中的地点。只能使用之前结果里的 id。",
          "parameters":{"type":"object","properties":{
            "place_ids":{"type":"array","items":{"type":"string"},"minItems":1,"maxItems":20,"description":"之前结果中的地点 id"},
            "mode":{"type":"string","enum":["markers","focus"],"description":"markers=标出全部（默认）；focus=聚焦第一个"}},
           "required":["place_ids"]}}}
        ]
        """;

    public static IReadOnlyList<GeoToolDeclaration> All { get; } = Parse();

    private static GeoToolDeclaration[] Parse()
    {
        using var document = JsonDocument.Parse(Json);
        return [.. document.RootElement.EnumerateArray().Select(tool =>
        {
            var function = tool.GetProperty("function");
            return new GeoToolDeclaration(
                function.GetProperty("name").GetString()!,
                function.GetProperty("description").GetString()!,
                function.GetProperty("parameters").Clone());
        })];
    }
}

using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AiChat.Emulator;

/// <summary>
/// The deterministic "model" of tool calling: with tools offered (and tool_choice not none), a user message about
/// weather, places or suggestions becomes calls of get_weather, search_places or suggest_places with arguments taken
/// from the message, one per city named (all at once only with parallel_tool_calls); "附近" asks for near_me. After tool results it answers
/// with text built from them: city, weather and temperature, place names, or the failure's message.
/// </summary>
internal static class ToolModel
{
    private static readonly string[] Cities = ["北京", "上海", "杭州", "广州", "深圳", "天津", "重庆", "南京", "成都", "荆州"];

    private static readonly string[] PlaceWords = ["咖啡馆", "咖啡", "肯德基", "餐厅", "酒店", "公园", "博物馆", "故宫", "景点", "地铁站"];

    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public static IReadOnlyList<PlannedToolCall> Plan(ChatCall call, Directives directives)
    {
        if (call.Tools.Count == 0 || call.ToolChoice == "none")
        {
            return [];
        }

        if (call.Messages.Count > 0 && call.Messages[^1].Role == "tool" && !directives.AlwaysCallTools)
        {
            return [];
        }

        var text = directives.Text;
        var cities = Cities.Where(c => text.Contains(c, StringComparison.Ordinal)).Select(c => c + "市").ToList();
        var planned = new List<PlannedToolCall>();
        if (Asks(text, "天气", "weather") && call.Tools.Contains("get_weather"))
        {
            foreach (var city in cities.Count == 0 ? ["北京市"] : cities)
            {
                planned.Add(new PlannedToolCall("get_weather", Arguments(("city", city))));
            }
        }
        else if (Asks(text, "建议", "候选", "suggest") && call.Tools.Contains("suggest_places"))
        {
            planned.Add(new PlannedToolCall("suggest_places", Arguments(("keywords", PlaceWord(text)))));
        }
        else if (Asks(text, "附近", "搜索", "找", "哪里", "哪儿", "places") && call.Tools.Contains("search_places"))
        {
            var members = new List<(string, object)> { ("keywords", PlaceWord(text)) };
            if (cities.Count > 0)
            {
                members.Add(("city", cities[0]));
            }

            if (Asks(text, "附近", "nearby"))
            {
                members.Add(("near_me", true));
            }

            planned.Add(new PlannedToolCall("search_places", Arguments([.. members])));
        }
        else if (directives.AlwaysCallTools && call.Tools.Count > 0)
        {
            planned.Add(new PlannedToolCall(call.Tools[0], Arguments(("city", "北京市"))));
        }

        var parallel = call.ParallelToolCalls || directives.ToolQuirks.HasFlag(ToolQuirks.Parallel);
        return parallel || planned.Count <= 1 ? planned : [planned[0]];
    }

    /// <summary>The answer after tool results (the tool messages since the last assistant message), or null when there are none.</summary>
    public static string? Answer(ChatCall call)
    {
        var results = new List<string>();
        for (var i = call.Messages.Count - 1; i >= 0 && call.Messages[i].Role == "tool"; i--)
        {
            results.Insert(0, call.Messages[i].Content);
        }

        return results.Count == 0 ? null : string.Join(" ", results.Select(Describe));
    }

    private static string Describe(string content)
    {
        try
        {
            using var document = JsonDocument.Parse(content);
            var root = document.RootElement;
            if (root.StringProperty("error") is { } code)
            {
                return $"工具失败（{code}）：{root.StringProperty("message")}。";
            }

            if (root.Property("live") is { ValueKind: JsonValueKind.Object } live)
            {
                return $"{root.StringProperty("city")}：{live.StringProperty("weather")}， 气温 {Number(live.Property("temperature_c"))}°C。";
            }

            foreach (var list in new[] { "places", "suggestions", "results" })
            {
                if (root.Property(list) is { ValueKind: JsonValueKind.Array } items)
                {
                    var names = items.EnumerateArray().Select(p => p.StringProperty("name") ?? p.StringProperty("formatted_address")).OfType<string>().ToList();
                    return names.Count == 0 ? "没有找到结果。" : $"找到 {names.Count} 个： {string.Join("、", names)}。";
                }
            }

            return "已完成。";
        }
        catch (JsonException)
        {
            return "工具结果无法读取。";
        }
    }

    private static string Number(JsonElement value) => value.ValueKind == JsonValueKind.Number ? value.GetRawText() : "?";

    private static bool Asks(string text, params string[] words) => words.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));

    private static string PlaceWord(string text) => PlaceWords.FirstOrDefault(w => text.Contains(w, StringComparison.Ordinal)) ?? "地点";

    /// <summary>Arguments written as DashScope writes them: <c>{"city": "北京市"}</c>, with a space after each colon.</summary>
    private static string Arguments(params (string Name, object Value)[] members)
    {
        var text = new StringBuilder("{");
        foreach (var (name, value) in members)
        {
            text.Append(text.Length > 1 ? ", " : "").Append('"').Append(name).Append("\": ");
            if (value is bool flag)
            {
                text.Append(flag ? "true" : "false");
            }
            else
            {
                text.Append('"').Append(Encoder.Encode((string)value)).Append('"');
            }
        }

        return text.Append('}').ToString();
    }
}

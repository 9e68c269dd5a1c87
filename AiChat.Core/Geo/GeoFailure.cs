using System.Text.Json.Nodes;
using AiChat.Core.Geo.AMap;

namespace AiChat.Core.Geo;

/// <summary>
/// The failure shape the model sees (docs/geo-assistant.md#what-the-model-sees), for every failed tool call: a code and a fixed text,
/// never the provider's words.
/// </summary>
internal static class GeoFailure
{
    public const string UnknownToolCode = "unknown_tool";
    public const string LimitReachedCode = "limit_reached";
    public const string ClientBudgetCode = "tool_budget_exhausted";

    public static GeoToolResult Of(string errorCode) => Result(errorCode, errorCode switch
    {
        AMapErrorCodes.Timeout => "地图服务超时",
        AMapErrorCodes.QuotaExceeded => "地图服务查询次数已用完或过于频繁，请稍后再试",
        AMapErrorCodes.InvalidArguments => "参数无效",
        UnknownToolCode => "没有这个工具",
        LimitReachedCode => "本轮工具调用次数已达上限",
        ClientBudgetCode => "该用户今天的地图查询次数已用完，请明天再试",
        _ => "地图服务暂时不可用",
    });

    /// <param name="field">The argument, e.g. <c>keywords</c>.</param>
    /// <param name="rule">What it must be, e.g. <c>必须是1到80个字符的字符串</c>.</param>
    public static GeoToolResult InvalidArguments(string field, string rule) =>
        Result(AMapErrorCodes.InvalidArguments, $"参数无效：{field} {rule}");

    private static GeoToolResult Result(string errorCode, string message) =>
        GeoToolResult.Failure(errorCode, GeoJson.Text(new JsonObject { ["error"] = errorCode, ["message"] = message }), []);
}

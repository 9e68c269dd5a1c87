using AiChat.Core.DashScope;
using AiChat.Core.Geo.AMap;

namespace AiChat.Core.Telemetry;

/// <summary>
/// <c>error.type</c>, low in cardinality and free of message text: DashScope's or AMap's error code when they gave
/// one, else the exception's type name.
/// </summary>
internal static class ErrorTypes
{
    public static string Of(Exception exception) => exception switch
    {
        DashScopeException { Code: { Length: > 0 } code } => code,
        DashScopeException e => e.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
        AMapException e => e.ErrorCode,
        _ => exception.GetType().FullName ?? exception.GetType().Name,
    };
}

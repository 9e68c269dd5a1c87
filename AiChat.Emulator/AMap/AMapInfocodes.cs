namespace AiChat.Emulator.AMap;

/// <summary>AMap's <c>info</c> text for each infocode (lbs.amap.com error code list).</summary>
internal static class AMapInfocodes
{
    public static string InfoFor(string infocode) => infocode switch
    {
        "10001" => "INVALID_USER_KEY",
        "10002" => "SERVICE_NOT_AVAILABLE",
        "10003" => "DAILY_QUERY_OVER_LIMIT",
        "10004" => "ACCESS_TOO_FREQUENT",
        "10005" => "INVALID_USER_IP",
        "10006" => "INVALID_USER_DOMAIN",
        "10007" => "INVALID_USER_SIGNATURE",
        "10008" => "INVALID_USER_SCODE",
        "10009" => "USERKEY_PLAT_NOMATCH",
        "10010" => "IP_QUERY_OVER_LIMIT",
        "10011" => "NOT_SUPPORT_HTTPS",
        "10012" => "INSUFFICIENT_PRIVILEGES",
        "10013" => "USER_KEY_RECYCLED",
        "10014" => "QPS_HAS_EXCEEDED_THE_LIMIT",
        "10015" => "GATEWAY_TIMEOUT",
        "10016" => "SERVER_IS_BUSY",
        "10017" => "RESOURCE_UNAVAILABLE",
        "10019" => "CQPS_HAS_EXCEEDED_THE_LIMIT",
        "10020" => "CKQPS_HAS_EXCEEDED_THE_LIMIT",
        "10021" => "CUQPS_HAS_EXCEEDED_THE_LIMIT",
        "10026" => "INVALID_REQUEST",
        "10029" => "ABROAD_DAILY_QUERY_OVER_LIMIT",
        "10041" => "NO_EFFECTIVE_INTERFACE",
        "10044" => "USER_DAILY_QUERY_OVER_LIMIT",
        "10045" => "USER_ABROAD_DAILY_QUERY_OVER_LIMIT",
        "20000" => "INVALID_PARAMS",
        "20001" => "MISSING_REQUIRED_PARAMS",
        "20002" => "ILLEGAL_REQUEST",
        "20003" => "UNKNOWN_ERROR",
        "20011" => "INSUFFICIENT_ABROAD_PRIVILEGES",
        "20012" => "ILLEGAL_CONTENT",
        "40000" => "QUOTA_PLAN_RUN_OUT",
        "40002" => "SERVICE_EXPIRED",
        "40003" => "ABROAD_QUOTA_PLAN_RUN_OUT",
        _ when infocode.StartsWith("300", StringComparison.Ordinal) => "ENGINE_RESPONSE_DATA_ERROR",
        _ => "UNKNOWN_ERROR",
    };
}

namespace AiChat.Core.Geo.AMap;

/// <summary>AMap's infocodes (docs/amap.md#error-codes) mapped to what the tools report, and which are worth one retry.</summary>
internal static class AMapErrorCodes
{
    public const string Timeout = "timeout";
    public const string QuotaExceeded = "quota_exceeded";
    public const string NoResult = "no_result";
    public const string ProviderError = "provider_error";
    public const string InvalidArguments = "invalid_arguments";

    public static string Map(string infocode) => infocode switch
    {
        "10003" or "10044" or "10029" or "10045" or "40000" or "40002" or "40003" => QuotaExceeded,
        "10004" or "10014" or "10015" or "10016" or "10019" or "10020" or "10021" => QuotaExceeded,
        "20000" or "20012" => InvalidArguments,
        "20011" or "30001" => NoResult,
        _ => ProviderError,
    };

    /// <summary>Per-minute, QPS and overload codes, and 20003: tried once more after a short pause.</summary>
    public static bool IsRetryable(string infocode) =>
        infocode is "10004" or "10014" or "10015" or "10016" or "10019" or "10020" or "10021" or "20003";

    /// <summary>Daily quotas: spent until midnight in Beijing, so no request is made before then.</summary>
    public static bool BlocksUntilMidnight(string infocode) => infocode is "10003" or "10044";
}

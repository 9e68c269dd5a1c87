namespace AiChat.Emulator;

/// <summary>One upstream error, as each protocol spells it.</summary>
internal sealed record EmulatedError(
    int Status, string Code, string Type, string Message, int NativeStatus, string NativeCode, string NativeMessage)
{
    private const string Help = " For details, see: https://help.aliyun.com/zh/model-studio/error-code";

    public static readonly EmulatedError InvalidKey = new(
        401, "invalid_api_key", "invalid_request_error", "Incorrect API key provided." + Help + "#apikey-error",
        401, "InvalidApiKey", "Invalid API-key provided.");

    public static readonly EmulatedError MissingKey = InvalidKey with { NativeMessage = "No API-key provided." };

    public static readonly EmulatedError RateLimitRequests = Throttled(
        "limit_requests", "You have exceeded your current request limit." + Help + "#rate-limit",
        "Throttling.RateQuota", "Requests rate limit exceeded, please try again later.");

    public static readonly EmulatedError RateLimitTokens = Throttled(
        "insufficient_quota", "You exceeded your current quota, please check your plan and billing details." + Help + "#rate-limit",
        "Throttling.AllocationQuota", "Allocated quota exceeded, please increase your quota limit.");

    public static readonly EmulatedError RateLimitBurst = Throttled(
        "limit_burst_rate", BurstMessage + Help + "#rate-limit", "Throttling.BurstRate", BurstMessage);

    public static readonly EmulatedError InternalError = new(
        500, "internal_error", "internal_error", InternalMessage, 500, "InternalError", InternalMessage);

    public static readonly EmulatedError ModelUnavailable = new(
        503, "ServiceUnavailable", "ServiceUnavailable", UnavailableMessage, 503, "ModelUnavailable", UnavailableMessage);

    public static readonly EmulatedError Moderation = new(
        400, "data_inspection_failed", "data_inspection_failed", ModerationMessage, 400, "DataInspectionFailed", ModerationMessage);

    private const string BurstMessage =
        "Request rate increased too quickly. To ensure system stability, please adjust your client logic to scale requests more smoothly over time.";

    private const string InternalMessage = "An internal error has occurred, please try again later or contact service support.";

    private const string UnavailableMessage = "Model is unavailable, please try again later.";

    private const string ModerationMessage = "Output data may contain inappropriate content.";

    public static EmulatedError UnknownModel(string model) => new(
        404, "model_not_found", "invalid_request_error", $"The model `{model}` does not exist or you do not have access to it.",
        400, "InvalidParameter", "Model not exist.");

    public static EmulatedError InvalidParameter(string detail) => new(
        400, "invalid_parameter_error", "invalid_request_error", "<400> InternalError.Algo.InvalidParameter: " + detail,
        400, "InvalidParameter", detail);

    private static EmulatedError Throttled(string code, string message, string nativeCode, string nativeMessage) =>
        new(429, code, code, message, 429, nativeCode, nativeMessage);
}

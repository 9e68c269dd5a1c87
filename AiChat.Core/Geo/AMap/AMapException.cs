namespace AiChat.Core.Geo.AMap;

/// <summary>
/// The one exception that leaves <see cref="AMapClient"/>, whatever went wrong: an infocode, an HTTP error, a body that
/// is not AMap's JSON, a timeout, no key. Its message never holds the key. Cancellation by the caller is not wrapped.
/// </summary>
/// <param name="errorCode">What the tools report (docs/geo-assistant.md#events): timeout, quota_exceeded, no_result, provider_error, invalid_arguments.</param>
/// <param name="infocode">AMap's infocode when AMap answered with one.</param>
internal sealed class AMapException(string errorCode, string? infocode, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public string ErrorCode { get; } = errorCode;

    public string? Infocode { get; } = infocode;
}

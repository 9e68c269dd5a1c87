using System.Net.ServerSentEvents;
using AiChat.Core.DashScope.Wire;

namespace AiChat.Core.DashScope;

/// <summary>
/// Turns a failed upstream answer into a <see cref="DashScopeException"/>, by its content rather than its content
/// type (DashScope's do not always match): either JSON envelope, or the same JSON framed as server-sent events.
/// </summary>
internal static class DashScopeErrorReader
{
    public static DashScopeException FromResponse(int statusCode, ReadOnlySpan<byte> body, string? requestIdHeader)
    {
        var json = IsSseFramed(body) ? FirstSseData(body) : body;
        var error = TryParse(json);
        return error is null
            ? new DashScopeException(statusCode, null, DescribeUnparsed(statusCode, body), requestIdHeader)
            : FromEnvelope(error, statusCode, requestIdHeader);
    }

    /// <summary>An error frame inside a stream that started with HTTP 200: the status comes from the code.</summary>
    public static DashScopeException FromStreamFrame(WireError error) => FromEnvelope(error, statusCode: null, requestIdHeader: null);

    public static WireError? TryParse(ReadOnlySpan<byte> json)
    {
        try
        {
            var error = JsonSerializer.Deserialize(json, DashScopeJsonContext.Default.WireError);
            return error is { Error: not null } or { Code: not null } or { Message: not null } ? error : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static DashScopeException FromEnvelope(WireError error, int? statusCode, string? requestIdHeader)
    {
        var code = error.Error?.Code ?? error.Error?.Type ?? error.Code;
        var message = error.Error?.Message ?? error.Message ?? "DashScope reported an error without a message.";
        return new DashScopeException(statusCode ?? DashScopeErrorCodes.InferStatus(code), code, message, error.RequestId ?? requestIdHeader);
    }

    private static bool IsSseFramed(ReadOnlySpan<byte> body)
    {
        var text = body.TrimStart(" \t\r\n"u8);
        return text.StartsWith("data:"u8) || text.StartsWith("id:"u8) || text.StartsWith("event:"u8) || text.StartsWith(":"u8);
    }

    private static byte[] FirstSseData(ReadOnlySpan<byte> body)
    {
        using var stream = new MemoryStream(body.ToArray());
        foreach (var item in SseParser.Create(stream, static (_, data) => data.ToArray()).Enumerate())
        {
            if (item.Data.AsSpan().TrimStart(" \t\r\n"u8).StartsWith("{"u8))
            {
                return item.Data;
            }
        }

        return [];
    }

    private static string DescribeUnparsed(int statusCode, ReadOnlySpan<byte> body)
    {
        const int MaxExcerpt = 200;
        var excerpt = Encoding.UTF8.GetString(body.Length > MaxExcerpt ? body[..MaxExcerpt] : body).Trim();
        return excerpt.Length == 0
            ? $"DashScope answered HTTP {statusCode} with no error body."
            : $"DashScope answered HTTP {statusCode}: {excerpt}";
    }
}

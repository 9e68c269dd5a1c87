using System.Net.ServerSentEvents;
using AiChat.Core.DashScope.Responses;

namespace AiChat.Core.DashScope;

/// <summary>
/// Turns a failed upstream answer into a <see cref="DashScopeException"/>, by its content rather than its content
/// type (DashScope's do not always match): either JSON envelope, or the same JSON framed as server-sent events.
/// </summary>
internal static class DashScopeErrorReader
{
    public static DashScopeException FromResponse(int statusCode, ReadOnlySpan<byte> body, string? requestIdHeader) =>
        TryRead(IsSseFramed(body) ? FirstSseData(body) : body, statusCode, requestIdHeader)
        ?? new DashScopeException(statusCode, null, DescribeUnparsed(statusCode, body), requestIdHeader);

    /// <summary>An error frame inside a stream that started with HTTP 200: the status comes from the code.</summary>
    public static DashScopeException FromStreamFrame(string? code, string? message, string? requestId) =>
        new(DashScopeErrorCodes.InferStatus(code), code, message ?? NoMessage, requestId);

    /// <summary>The body as an error envelope; null when it is not JSON, or JSON without any of the envelopes' members.</summary>
    private static DashScopeException? TryRead(ReadOnlySpan<byte> json, int statusCode, string? requestIdHeader)
    {
        try
        {
            return ReadEnvelope(json, statusCode, requestIdHeader);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Both envelopes in one: OpenAI-compatible <c>{"error":{...}}</c> and native flat <c>{"code","message"}</c>.</summary>
    private static DashScopeException? ReadEnvelope(ReadOnlySpan<byte> json, int statusCode, string? requestIdHeader)
    {
        var reader = new Utf8JsonReader(json);
        ResponseError? error = null;
        string? code = null, message = null, requestId = null;
        var isObject = reader.ReadRoot();
        while (isObject && reader.NextProperty())
        {
            if (reader.ValueTextEquals("error"u8))
            {
                error = ResponseError.Read(ref reader);
            }
            else if (reader.ValueTextEquals("code"u8))
            {
                code = reader.ReadString("code");
            }
            else if (reader.ValueTextEquals("message"u8))
            {
                message = reader.ReadString("message");
            }
            else if (reader.ValueTextEquals("request_id"u8))
            {
                requestId = reader.ReadString("request_id");
            }
            else
            {
                reader.Skip();
            }
        }

        reader.ReadEnd();
        return error is null && code is null && message is null
            ? null
            : new DashScopeException(statusCode, error?.Code ?? code, error?.Message ?? message ?? NoMessage, requestId ?? requestIdHeader);
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

    private const string NoMessage = "DashScope reported an error without a message.";

    private static string DescribeUnparsed(int statusCode, ReadOnlySpan<byte> body)
    {
        const int MaxExcerpt = 200;
        var excerpt = Encoding.UTF8.GetString(body.Length > MaxExcerpt ? body[..MaxExcerpt] : body).Trim();
        return excerpt.Length == 0
            ? $"DashScope answered HTTP {statusCode} with no error body."
            : $"DashScope answered HTTP {statusCode}: {excerpt}";
    }
}

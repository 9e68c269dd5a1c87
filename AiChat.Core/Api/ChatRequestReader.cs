using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using AiChat.Core.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace AiChat.Core.Api;

/// <summary>
/// Reads a chat request body: its headers (JSON, UTF-8, not compressed), the size cap, the framing, JSON syntax, the
/// text of every string, then the fields. Every way a body can be wrong is answered here with a 4xx, in either host,
/// rather than escaping as an exception.
/// </summary>
public sealed class ChatRequestReader(IOptions<AiChatOptions> options)
{
    public async Task<ChatRequestReadResult> ReadAsync(HttpRequest request, ChatBodyShape shape, CancellationToken cancellationToken)
    {
        if (RequestBodyHeaders.Refuse(request) is { } refused)
        {
            return new(refused);
        }

        var limit = options.Value.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            return new(TooLarge(limit));
        }

        try
        {
            return await ReadBodyAsync(request.BodyReader, limit, shape, cancellationToken);
        }
        catch (BadHttpRequestException e)
        {
            // Broken framing, or a body too slow for the server's minimum data rate: the server's own verdict, as a 4xx.
            return new(ExceptionErrorMapper.Map(e));
        }
        catch (IOException e) when (!cancellationToken.IsCancellationRequested)
        {
            // Kestrel reports a chunk size that overflows as an IOException rather than as a bad request.
            return new(new ApiError(400, "malformed_request", $"The request is malformed: {e.Message}"));
        }
    }

    private async Task<ChatRequestReadResult> ReadBodyAsync(PipeReader reader, int limit, ChatBodyShape shape, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken);
            if (read.Buffer.Length > limit)
            {
                reader.AdvanceTo(read.Buffer.Start);
                return new(TooLarge(limit));
            }

            if (read.IsCompleted)
            {
                try
                {
                    return Parse(read.Buffer, shape);
                }
                finally
                {
                    reader.AdvanceTo(read.Buffer.End);
                }
            }

            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }

    private ChatRequestReadResult Parse(ReadOnlySequence<byte> body, ChatBodyShape shape)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            return new(new ApiError(400, "invalid_json", $"The request body is not valid JSON: {e.Message}") { Field = "body" });
        }

        using (document)
        {
            if (JsonTextValidator.FindInvalidText(document.RootElement) is { } field)
            {
                return new(new ApiError(400, "invalid_text",
                    $"{field} is not valid text: it holds bytes that are not UTF-8, or a \\u escape of half a UTF-16 surrogate pair.") { Field = field });
            }

            return ChatRequestParser.Parse(document.RootElement, options.Value, shape);
        }
    }

    private static ApiError TooLarge(int limit) =>
        new(413, "payload_too_large", $"The request body is larger than the {limit} bytes this server accepts.");
}

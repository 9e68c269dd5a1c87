using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using AiChat.Core.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace AiChat.Core.Api;

/// <summary>Reads a chat request body: JSON content type, size cap, JSON syntax, then the fields.</summary>
public sealed class ChatRequestReader(IOptions<AiChatOptions> options)
{
    public async Task<ChatRequestReadResult> ReadAsync(HttpRequest request, ChatBodyShape shape, CancellationToken cancellationToken)
    {
        if (!IsJson(request.ContentType))
        {
            return new(new ApiError(415, "unsupported_media_type", "Content-Type must be application/json."));
        }

        var limit = options.Value.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            return new(TooLarge(limit));
        }

        var reader = request.BodyReader;
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
        try
        {
            using var document = JsonDocument.Parse(body);
            return ChatRequestParser.Parse(document.RootElement, options.Value, shape);
        }
        catch (JsonException e)
        {
            return new(new ApiError(400, "invalid_json", $"The request body is not valid JSON: {e.Message}") { Field = "body" });
        }
    }

    private static bool IsJson(string? contentType) =>
        contentType is "application/json" or "application/json; charset=utf-8" ||
        (MediaTypeHeaderValue.TryParse(contentType, out var mediaType) &&
         (mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) ||
          mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase)));

    private static ApiError TooLarge(int limit) =>
        new(413, "payload_too_large", $"The request body is larger than the {limit} bytes this server accepts.");
}

using System.Buffers;
using System.IO.Pipelines;
using AiChat.Core.Images;
using Microsoft.AspNetCore.Http.Features;

namespace AiChat.Core.Api;

/// <summary>
/// Reads a chat request body: its headers (JSON, UTF-8, not compressed), the size cap, the framing, JSON syntax, the
/// text of every string, then the fields, then the images. Every way a body can be wrong is answered here with a 4xx,
/// in either host, rather than escaping as an exception. A body may be larger than MAX_REQUEST_BODY_BYTES by room for
/// its images (<see cref="ImageBodyRules"/>).
/// </summary>
internal sealed class ChatRequestReader(IOptions<AiChatOptions> options, IOptions<ImageOptions> imageOptions, ImageIntake images, ImageWorkGate gate)
{
    /// <param name="stream">Whether the route answers with a stream (what thinking a model may do depends on it).</param>
    public async ValueTask<ChatRequestReadResult> ReadAsync(HttpRequest request, ChatBodyShape shape, bool stream, CancellationToken cancellationToken)
    {
        var read = await ReadAsync(request, body => ChatRequestParser.Parse(body, options.Value, shape, stream, imageOptions.Value), error => new ChatRequestReadResult(error), cancellationToken);
        if (!read.IsValid || read.Images.Count == 0)
        {
            return read;
        }

        var (attached, refused) = await images.AttachAsync(read.Request, read.Images, cancellationToken);
        return attached is null ? new ChatRequestReadResult(refused!) : new ChatRequestReadResult(attached, read.SessionId) { ClientContext = read.ClientContext };
    }

    /// <summary>The request with its image parts checked and attached, or the refusal of the first bad one.</summary>
    public Task<(Chat.ChatRequest? Request, ApiError? Error)> AttachImagesAsync(Chat.ChatRequest request, IReadOnlyList<ImagePart> parts, CancellationToken cancellationToken) =>
        images.AttachAsync(request, parts, cancellationToken);

    /// <summary>
    /// The same checks for any JSON request body: <paramref name="parse"/> gets the body once it is valid JSON text,
    /// <paramref name="refuse"/> turns each earlier failure into the caller's result.
    /// </summary>
    public async ValueTask<T> ReadAsync<T>(HttpRequest request, Func<JsonElement, T> parse, Func<ApiError, T> refuse, CancellationToken cancellationToken)
    {
        if (RequestBodyHeaders.Refuse(request) is { } refused)
        {
            return refuse(refused);
        }

        var limit = (int)Math.Min(int.MaxValue, options.Value.MaxRequestBodyBytes + imageOptions.Value.BodyAllowance);
        if (request.ContentLength > limit)
        {
            return refuse(TooLarge(limit));
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } serverCap)
        {
            // The server's own cap (30 MB by default) would cut a body with images short of ours.
            serverCap.MaxRequestBodySize = limit;
        }

        try
        {
            return await ReadBodyAsync(request.BodyReader, limit, parse, refuse, cancellationToken);
        }
        catch (BadHttpRequestException e)
        {
            // Broken framing, or a body too slow for the server's minimum data rate: the server's own verdict, as a 4xx.
            return refuse(ExceptionErrorMapper.Map(e));
        }
        catch (IOException e) when (!cancellationToken.IsCancellationRequested)
        {
            // Kestrel reports a chunk size that overflows as an IOException rather than as a bad request.
            return refuse(new ApiError(400, "malformed_request", $"The request is malformed: {e.Message}"));
        }
    }

    private async ValueTask<T> ReadBodyAsync<T>(PipeReader reader, int limit, Func<JsonElement, T> parse, Func<ApiError, T> refuse, CancellationToken cancellationToken)
    {
        var textLimit = options.Value.MaxRequestBodyBytes;
        while (true)
        {
            var read = await ReadFramedAsync(reader, cancellationToken);
            if (read.Buffer.Length > limit)
            {
                reader.AdvanceTo(read.Buffer.Start);
                return refuse(TooLarge(limit));
            }

            if (read.IsCompleted)
            {
                // A body larger than the text cap carries images: its parse (a copy of it, its data URLs decoded) waits
                // for the image gate, so what parsing allocates is held by a few requests at a time, not by every client's.
                var gated = read.Buffer.Length > textLimit;
                try
                {
                    if (gated)
                    {
                        await gate.WaitAsync(cancellationToken);
                    }

                    try
                    {
                        return Parse(read.Buffer, textLimit, parse, refuse);
                    }
                    finally
                    {
                        if (gated)
                        {
                            gate.Release();
                        }
                    }
                }
                finally
                {
                    reader.AdvanceTo(read.Buffer.End);
                }
            }

            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }

    private static async ValueTask<ReadResult> ReadFramedAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadAsync(cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            // Kestrel throws this, not a bad request, for a chunked trailer whose bytes are not UTF-8.
            throw new BadHttpRequestException("The request is malformed: a chunked trailer could not be read.", StatusCodes.Status400BadRequest, e);
        }
    }

    private static T Parse<T>(ReadOnlySequence<byte> body, int textLimit, Func<JsonElement, T> parse, Func<ApiError, T> refuse)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            return refuse(new ApiError(400, "invalid_json", $"The request body is not valid JSON: {e.Message}") { Field = "body" });
        }

        using (document)
        {
            if (JsonTextValidator.FindInvalidText(document.RootElement) is { } field)
            {
                return refuse(new ApiError(400, "invalid_text",
                    $"{field} is not valid text: it holds bytes that are not UTF-8, or a \\u escape of half a UTF-16 surrogate pair.")
                { Field = field });
            }

            if (body.Length > textLimit && body.Length - ImageBodyRules.UrlBytes(document.RootElement) > textLimit)
            {
                // Whatever is not an image URL, white space around the JSON included, is text, capped as before images.
                return refuse(TooLarge(textLimit));
            }

            return parse(document.RootElement);
        }
    }

    private static ApiError TooLarge(int limit) =>
        new(413, "payload_too_large", $"The request body is larger than the {limit} bytes this server accepts.");
}
